package org.waterhole.adoption;

/**
 * What answered an objection, besides the event that says so: a case study, a champion or an
 * experiment, each in its own module.
 */
public enum Evidence {

	CASE_STUDY("/library/"), CHAMPION("/champions/"), EXPERIMENT("/experiments/");

	private final String path;

	Evidence(String path) {
		this.path = path;
	}

	/** The page of the record with this id. */
	public String path(long id) {
		return path + id;
	}

	/** Its name in a sentence ("a case study"), and the heading of its choices ("Case studies"). */
	public String messageKey() {
		return "adoption.evidence." + name();
	}

	public String choicesKey() {
		return "adoption.evidence.choices." + name();
	}

}
