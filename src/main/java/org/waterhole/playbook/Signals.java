package org.waterhole.playbook;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.waterhole.adoption.Dashboard;
import org.waterhole.adoption.ObjectionCategory;
import org.waterhole.adoption.Stage;

/**
 * What the other modules know about a department on a day, which the score and the rules read.
 *
 * @param people the department's people on record now (the past's headcount isn't kept)
 * @param headcount the department's staff as its record gives them, {@code null} when not given
 * @param onRecordSince the day the department was put on record
 * @param championReports champions joined, left or moved in the department, ever (it only grows)
 * @param startedExperiments experiments started in the department, ever (it only grows)
 * @param stageSince the day of its latest stage change, {@code null} if it never moved
 * @param readers its people who read a case study in the reach period up to the day
 * @param helpfulMarks helpful marks its people gave in that period
 * @param championActivities its champions' activities in that period
 * @param lastRecorded the day of its last event recorded by hand, {@code null} if none
 * @param ownCheckInDays its own days between check-ins, {@code null}: the playbook's by stage
 * @param unreadToShare whether a published case study for it is unread by its people (now, whatever the day);
 *        looked for only where sharing them may be called for ({@link Rules#unreadUpToReaders}), else false
 */
record Signals(long departmentId, String departmentName, LocalDate day, long people, Integer headcount,
		LocalDate onRecordSince,
		Stage stage, LocalDate stageSince, long openObjections, Long newestObjection,
		Set<ObjectionCategory> objectionCategories, long activeChampions, long championReports,
		long championActivities, long runningExperiments, long succeededExperiments, long otherExperiments,
		long startedExperiments, long readers, long helpfulMarks, LocalDate lastRecorded, Integer ownCheckInDays,
		boolean unreadToShare) {

	/** Share of the staff who read a case study in the period, in percent (0 with nobody to count). */
	long reachPercent() {
		long base = reachBase();
		return base == 0 ? 0 : Math.round(100.0 * readers / base);
	}

	/** Whether reach counts over the department's headcount (else over its people on record). */
	public boolean overHeadcount() {
		return headcount != null && headcount > 0;
	}

	/** Whom reach counts over: the department's headcount when it has one, else its people on record. */
	long reachBase() {
		return reachBase(headcount, people);
	}

	/** Whom reach counts over, given a department's headcount ({@code null}: none) and its people on record. */
	static long reachBase(Integer headcount, long people) {
		return headcount != null && headcount > 0 ? headcount : people;
	}

	/**
	 * Whether the department has fewer than {@value Dashboard#PRIVACY_FLOOR} people (on record, or in
	 * its headcount if smaller): then a figure worked out from what they read could point at a person,
	 * and nobody but the strategist sees one.
	 */
	boolean belowPrivacyFloor() {
		return Math.min(people, reachBase()) < Dashboard.PRIVACY_FLOOR;
	}

	/** Days at the current stage: since the latest stage change, or since on record if it never moved. */
	long daysInStage() {
		LocalDate since = stageSince != null ? stageSince : onRecordSince;
		return Math.max(0, ChronoUnit.DAYS.between(since, day));
	}

	/** The day the check-in rhythm counts from: the last event recorded by hand, or the day on record. */
	LocalDate lastCheckIn() {
		return lastRecorded != null ? lastRecorded : onRecordSince;
	}

	long experiments() {
		return runningExperiments + succeededExperiments + otherExperiments;
	}

	/** Whether the department was on record on the day, or had moved by then (the dashboard's rule). */
	boolean counted() {
		return !day.isBefore(onRecordSince) || stageSince != null;
	}

}
