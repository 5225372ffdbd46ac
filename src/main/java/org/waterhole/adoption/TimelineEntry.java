package org.waterhole.adoption;

import java.time.LocalDate;
import java.util.List;

/** One event of the timeline, with the names of its departments. */
public record TimelineEntry(long id, LocalDate occurredOn, EventKind kind, List<Long> departmentIds,
		List<String> departmentNames, String title, String details, Stage fromStage, Stage toStage,
		ObjectionCategory objectionCategory, String outcome) {

	/** The first day of the entry's month, for grouping the timeline by month. */
	public LocalDate month() {
		return occurredOn.withDayOfMonth(1);
	}

}
