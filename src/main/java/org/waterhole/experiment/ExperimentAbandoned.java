package org.waterhole.experiment;

import java.time.LocalDate;

import org.waterhole.shared.Platform;

/**
 * An experiment was given up. {@code startedOn} is when it had started running, {@code null}
 * if it never did.
 */
public record ExperimentAbandoned(long experimentId, String title, long departmentId, Platform platform,
		LocalDate startedOn, LocalDate abandonedOn, long sequence) {
}
