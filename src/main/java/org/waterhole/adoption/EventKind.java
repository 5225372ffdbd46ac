package org.waterhole.adoption;

import java.util.Set;

/**
 * What an adoption event is: recorded by the strategist (the first four), or reported by another
 * module.
 */
public enum EventKind {

	STAGE_CHANGE, MILESTONE, OBJECTION, NOTE, CASE_STUDY_PUBLISHED, EXPERIMENT_STARTED, EXPERIMENT_COMPLETED,
	EXPERIMENT_ABANDONED, EXPERIMENT_RUN_CORRECTED, CHAMPION_JOINED, CHAMPION_LEFT, CHAMPION_MOVED;

	/** The kinds the strategist records by hand. */
	public static final Set<EventKind> RECORDED = Set.of(STAGE_CHANGE, MILESTONE, OBJECTION, NOTE);

	public String messageKey() {
		return "adoption.kind." + name();
	}

	public boolean recordedByHand() {
		return RECORDED.contains(this);
	}

}
