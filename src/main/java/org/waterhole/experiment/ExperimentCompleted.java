package org.waterhole.experiment;

import java.time.LocalDate;

import org.waterhole.shared.Platform;

/** An experiment finished, with what it showed. */
public record ExperimentCompleted(long experimentId, String title, long departmentId, Platform platform,
		Outcome outcome, LocalDate startedOn, LocalDate completedOn, long sequence) {
}
