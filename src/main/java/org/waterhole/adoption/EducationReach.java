package org.waterhole.adoption;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.waterhole.casestudy.Readings;

/**
 * Education reach: per department, how many people read a case study in the
 * {@value Dashboard#REACH_DAYS} days up to a day while they were in it (as readiness counts
 * readers), old readings folded into counts included. The library keeps it per department and
 * day as readings are recorded, so asking costs one indexed read.
 */
@Component
public class EducationReach {

	private final Readings readings;

	EducationReach(Readings readings) {
		this.readings = readings;
	}

	/** Readers per department id in the {@value Dashboard#REACH_DAYS} days up to {@code day}, both included. */
	public Map<Long, Long> readersByDepartment(LocalDate day) {
		return readings.readersByDepartment(day);
	}

}
