package org.waterhole.champion;

/** What a champion did. */
public enum ActivityKind {

	SHARED_MESSAGE, TRAINING, MENTORING, EVENT, CONTENT, OTHER;

	public String messageKey() {
		return "activity.kind." + name();
	}

}
