package org.waterhole.playbook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.waterhole.adoption.Stage;

/**
 * What needs the strategist's attention today: departments due for a check-in, case studies
 * past their review date, running experiments past their planned end, volunteers waiting for an
 * answer, and the first suggestion for the departments that need one most. Each list holds at
 * most a few items and says how many there are in all.
 */
public record AgendaView(LocalDate today, Listing<CheckInDue> checkIns, Listing<CaseStudyDue> caseStudies,
		Listing<ExperimentDue> experiments, Listing<VolunteerDue> volunteers, Listing<DepartmentSuggestion> pressing) {

	/** The first suggestions of the departments that need one most (their count: {@link #pressing()}). */
	public List<DepartmentSuggestion> suggestions() {
		return pressing.items();
	}

	/** Whether nothing at all is due. */
	public boolean isEmpty() {
		return checkIns.total() == 0 && caseStudies.total() == 0 && experiments.total() == 0
				&& volunteers.total() == 0 && pressing.total() == 0;
	}

	/** The first items of a list, and how many there are in all. */
	public record Listing<T>(List<T> items, long total) {

		public Listing {
			items = List.copyOf(items);
		}

		/** How many are not among the items shown. */
		public long more() {
			return total - items.size();
		}

	}

	/**
	 * A department due for a check-in: its last recorded adoption event ({@code null} when none,
	 * then it counts from the day the department is on record), and the day the check-in fell due.
	 */
	public record CheckInDue(long departmentId, String departmentName, Stage stage, LocalDate lastEvent,
			LocalDate dueOn, int intervalDays) {
	}

	/** A published case study whose review-by date has passed. */
	public record CaseStudyDue(long id, String title, LocalDate reviewBy) {
	}

	/** A running experiment past its planned end. */
	public record ExperimentDue(long id, String title, String departmentName, LocalDate plannedEnd) {
	}

	/** Someone who offered to be a champion and waits for an answer. */
	public record VolunteerDue(long requestId, String personName, String departmentName, Instant offeredAt) {
	}

	/** A department's most pressing suggestion, with its readiness score. */
	public record DepartmentSuggestion(long departmentId, String departmentName, int score, Suggestion suggestion) {
	}

}
