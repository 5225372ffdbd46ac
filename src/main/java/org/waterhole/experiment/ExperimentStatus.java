package org.waterhole.experiment;

import java.util.Set;

/**
 * Where an experiment is: {@code IDEA → PLANNED → RUNNING → COMPLETED}, or {@code ABANDONED}
 * from any of the open ones. Completed and abandoned experiments are final.
 */
public enum ExperimentStatus {

	IDEA, PLANNED, RUNNING, COMPLETED, ABANDONED;

	/** Whether the experiment may still move on. */
	public boolean isOpen() {
		return this == IDEA || this == PLANNED || this == RUNNING;
	}

	/** Where it may go from here. */
	public Set<ExperimentStatus> next() {
		return switch (this) {
			case IDEA -> Set.of(PLANNED, ABANDONED);
			case PLANNED -> Set.of(RUNNING, ABANDONED);
			case RUNNING -> Set.of(COMPLETED, ABANDONED);
			case COMPLETED, ABANDONED -> Set.of();
		};
	}

	public String messageKey() {
		return "experiment.status." + name();
	}

}
