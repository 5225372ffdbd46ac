package org.waterhole.experiment;

/** Whether more of the metric is better (followers, sign-ups) or less (hours to answer). */
public enum Direction {

	UP, DOWN;

	public String messageKey() {
		return "experiment.direction." + name();
	}

}
