package org.waterhole.adoption;

import java.time.LocalDate;
import java.util.List;

/**
 * One event of the timeline, with the names of its departments; an answer with the objection it
 * answers and what answered it ({@code answeredWith}), an objection with the event that answered
 * it.
 */
public record TimelineEntry(long id, LocalDate occurredOn, EventKind kind, List<Long> departmentIds,
		List<String> departmentNames, String title, String details, Stage fromStage, Stage toStage,
		ObjectionCategory objectionCategory, String outcome, Answer answers, EvidenceLink answeredWith,
		AnsweredBy answeredBy) {

	/** The objection an event answers. */
	public record Answer(long id, String title) {
	}

	/** The event that answered an objection, on its day, and what answered it (null if it says nothing). */
	public record AnsweredBy(long id, String title, LocalDate occurredOn, EvidenceLink with) {
	}

	/** The day an objection was answered; null while it is open, and for other events. */
	public LocalDate answeredOn() {
		return answeredBy == null ? null : answeredBy.occurredOn();
	}

	/** An objection is open until an event answers it. */
	public boolean open() {
		return kind == EventKind.OBJECTION && answeredBy == null;
	}

	/**
	 * Whether the entry has anything of objections to show: a category, an answer, being open,
	 * answering one, or what answered it.
	 */
	public boolean aboutAnObjection() {
		return kind == EventKind.OBJECTION || objectionCategory != null || answers != null || answeredWith != null
				|| answeredBy != null;
	}

	/** The first day of the entry's month, for grouping the timeline by month. */
	public LocalDate month() {
		return occurredOn.withDayOfMonth(1);
	}

}
