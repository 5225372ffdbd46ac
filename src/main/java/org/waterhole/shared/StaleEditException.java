package org.waterhole.shared;

/**
 * An edit was based on a version of a record that someone else has changed since. Controllers
 * catch it and show the form again with the user's input and a conflict message.
 */
public class StaleEditException extends RuntimeException {

	private final long currentVersion;

	public StaleEditException(String what, Object id, long currentVersion) {
		super(what + " " + id + " was changed by someone else (now at version " + currentVersion + ")");
		this.currentVersion = currentVersion;
	}

	/** The version the record has now; a form that is resubmitted knowingly carries this one. */
	public long currentVersion() {
		return currentVersion;
	}

	/** Refuses an edit made on {@code submitted} when the record is at {@code current}. */
	public static void check(String what, Object id, Long submitted, long current) {
		if (submitted == null || submitted != current) {
			throw new StaleEditException(what, id, current);
		}
	}

}
