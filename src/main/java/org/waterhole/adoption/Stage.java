package org.waterhole.adoption;

/**
 * Where a department is in adopting social media, after Rogers' innovation-decision process.
 * The order matters: the adoption index is the mean of these, counted from 0.
 */
public enum Stage {

	UNAWARE, AWARE, INTERESTED, EXPERIMENTING, ADOPTING, ADVOCATING;

	public String messageKey() {
		return "stage." + name();
	}

	/** Key of the one-line meaning shown beside the stage. */
	public String meaningKey() {
		return "stage." + name() + ".meaning";
	}

	/** 0 for unaware to 5 for advocating. */
	public int level() {
		return ordinal();
	}

}
