package org.waterhole.adoption;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.waterhole.casestudy.NamedReadingsFolded;
import org.waterhole.casestudy.Readings;

/**
 * Education reach: per department, how many people read a case study in a period while they
 * were in it (as readiness counts readers), old readings folded into counts included. The
 * dashboard and every department page ask for it, readings arrive all day and the figure moves
 * slowly, so an answer is kept for a minute ({@code educationReach} cache).
 */
@Component
public class EducationReach {

	public static final String CACHE = "educationReach";

	private final Readings readings;

	EducationReach(Readings readings) {
		this.readings = readings;
	}

	/** Readers per department id, for the days {@code from} to {@code to}, both included. */
	@Cacheable(CACHE)
	public Map<Long, Long> readersByDepartment(LocalDate from, LocalDate to) {
		return Map.copyOf(readings.readersByDepartment(from, to));
	}

	/** Folding changes no figure; the kept answers are forgotten anyway, to be computed from the counts. */
	@EventListener
	@CacheEvict(cacheNames = CACHE, allEntries = true)
	public void forget(NamedReadingsFolded folded) {
		// the annotation does it
	}

}
