package org.waterhole.playbook;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.waterhole.adoption.Timeline;
import org.waterhole.adoption.TimelineEntry;
import org.waterhole.adoption.TimelineFilter;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;

/** Reads a manager's week from the adoption timeline. */
class DigestReader {

	/** The most events one digest lists; the rest are counted and linked. */
	static final int MAX_EVENTS = 20;

	/** The most open objections one digest lists. */
	static final int MAX_OBJECTIONS = 5;

	/** How many days a week's digest looks back, today included. */
	static final int DAYS = 7;

	private final Timeline timeline;

	private final DepartmentService departments;

	DigestReader(Timeline timeline, DepartmentService departments) {
		this.timeline = timeline;
		this.departments = departments;
	}

	/** The week up to {@code today} of the department {@code departmentId}, or of all of them when {@code null}. */
	DigestWeek week(Long departmentId, LocalDate today) {
		LocalDate from = today.minusDays(DAYS - 1);
		TimelineFilter filter = new TimelineFilter();
		if (departmentId != null) {
			filter.setDepartment(List.of(departmentId));
		}
		filter.setFrom(from);
		filter.setTo(today);
		Page<TimelineEntry> events = timeline.page(filter, PageRequest.of(0, MAX_EVENTS));
		if (departmentId == null) {
			return new DigestWeek(null, null, null, null, from, today, events.getContent(), events.getTotalElements(),
					List.of());
		}
		String name = departments.options()
			.stream()
			.filter(option -> option.getId().equals(departmentId))
			.map(DepartmentOption::getName)
			.findFirst()
			.orElse("");
		Timeline.StageSince stage = timeline.latestStage(departmentId);
		return new DigestWeek(departmentId, name, stage.stage(), stage.since(), from, today, events.getContent(),
				events.getTotalElements(), timeline.openObjections(departmentId, MAX_OBJECTIONS));
	}

}
