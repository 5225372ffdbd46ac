package org.waterhole.adoption;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;
import org.waterhole.casestudy.Readings;
import org.waterhole.organization.DepartmentService;

/**
 * Education reach: per department, how many of its people (as they are now) read a case study
 * in a period. The dashboard and every department page ask for it, readings arrive all day and
 * the figure moves slowly, so an answer is kept for a minute ({@code educationReach} cache).
 */
@Component
public class EducationReach {

	public static final String CACHE = "educationReach";

	private final Readings readings;

	private final DepartmentService departments;

	EducationReach(Readings readings, DepartmentService departments) {
		this.readings = readings;
		this.departments = departments;
	}

	/** Readers per department id, for the days {@code from} to {@code to}, both included. */
	@Cacheable(CACHE)
	public Map<Long, Long> readersByDepartment(LocalDate from, LocalDate to) {
		return Map.copyOf(departments.peopleCountsAmong(readings.readerIds(from, to)));
	}

}
