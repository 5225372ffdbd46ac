package org.waterhole.experiment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.waterhole.shared.Platform;

/** An experiment in a list, on the board or in the CSV export. */
public record ExperimentRow(long id, String title, ExperimentStatus status, long departmentId, String departmentName,
		Platform platform, long ownerId, String ownerName, int impact, int confidence, int ease, BigDecimal iceScore,
		LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd, String metricName,
		String metricUnit, BigDecimal baseline, BigDecimal target, Direction direction, BigDecimal latestValue,
		Outcome outcome, String hypothesis, String learnings, Instant updatedAt) {

	ExperimentRow named(String departmentName, String ownerName) {
		return new ExperimentRow(id, title, status, departmentId, departmentName, platform, ownerId, ownerName, impact,
				confidence, ease, iceScore, plannedStart, plannedEnd, actualStart, actualEnd, metricName, metricUnit,
				baseline, target, direction, latestValue, outcome, hypothesis, learnings, updatedAt);
	}

	/** The start to show and sort by: when it started, or else when it is planned to. */
	public LocalDate start() {
		return actualStart != null ? actualStart : plannedStart;
	}

}
