package org.waterhole.experiment;

import java.time.LocalDate;

/**
 * The strategist corrected when a started experiment ran: {@code startedOn} and {@code endedOn}
 * ({@code null} while it runs) are the run as it now stands, {@code outcome} its outcome if it
 * completed.
 */
public record ExperimentRunCorrected(long experimentId, String title, long departmentId, LocalDate startedOn,
		LocalDate endedOn, Outcome outcome, LocalDate correctedOn, long sequence) {
}
