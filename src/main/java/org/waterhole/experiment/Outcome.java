package org.waterhole.experiment;

/** What a completed experiment showed about its hypothesis. */
public enum Outcome {

	SUCCEEDED, FAILED, INCONCLUSIVE;

	public String messageKey() {
		return "experiment.outcome." + name();
	}

}
