package org.waterhole.adoption;

import java.time.LocalDate;
import java.util.List;

/** One event of the timeline, with the names of its departments. */
public record TimelineEntry(long id, LocalDate occurredOn, EventKind kind, List<Long> departmentIds,
		List<String> departmentNames, String title, String details, Stage fromStage, Stage toStage,
		ObjectionCategory objectionCategory, String outcome, Answer answers, LocalDate answeredOn) {

	/** The objection an event answers. */
	public record Answer(long id, String title) {
	}

	/** An objection is open until an event answers it. */
	public boolean open() {
		return kind == EventKind.OBJECTION && answeredOn == null;
	}

	/** The first day of the entry's month, for grouping the timeline by month. */
	public LocalDate month() {
		return occurredOn.withDayOfMonth(1);
	}

}
