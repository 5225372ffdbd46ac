package org.waterhole.playbook;

import java.time.LocalDate;
import java.util.List;

import org.waterhole.adoption.Stage;
import org.waterhole.adoption.TimelineEntry;

/**
 * What a manager's digest tells of their department's week (or, for a manager not placed in a
 * department, of the whole organisation's): the adoption events of the last seven days, the
 * stage the department is at now and since when, and its objections nobody has answered yet.
 *
 * @param departmentId the department, {@code null} for the whole organisation
 * @param departmentName its name, {@code null} for the whole organisation
 * @param stage the department's stage now ({@code null} for the whole organisation)
 * @param stageSince the day it reached that stage ({@code null}: it never moved, or the organisation)
 * @param from the first day of the week told
 * @param to the last day, today
 * @param events the week's events, newest first, at most {@link DigestReader#MAX_EVENTS}
 * @param totalEvents how many events the week had in all
 * @param openObjections the department's objections not answered yet, newest first, a few at most
 */
record DigestWeek(Long departmentId, String departmentName, Stage stage, LocalDate stageSince, LocalDate from,
		LocalDate to, List<TimelineEntry> events, long totalEvents, List<TimelineEntry> openObjections) {

	DigestWeek {
		events = List.copyOf(events);
		openObjections = List.copyOf(openObjections);
	}

	public boolean wholeOrganisation() {
		return departmentId == null;
	}

	/** How many of the week's events are not listed. */
	public long moreEvents() {
		return totalEvents - events.size();
	}

}
