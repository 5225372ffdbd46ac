package org.waterhole.experiment;

import java.time.LocalDate;

import org.waterhole.shared.Platform;

/**
 * An experiment started running in a department. Like every experiment event it carries the
 * experiment's {@code sequence} (its version after the change), which grows with each change, so
 * that a listener can tell the latest state from a late or repeated delivery.
 */
public record ExperimentStarted(long experimentId, String title, long departmentId, Platform platform,
		LocalDate startedOn, long sequence) {
}
