package org.waterhole.experiment;

import java.time.LocalDate;

import org.waterhole.shared.Platform;

/** An experiment started running in a department. */
public record ExperimentStarted(long experimentId, String title, long departmentId, Platform platform,
		LocalDate startedOn) {
}
