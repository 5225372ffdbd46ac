package org.waterhole.shared;

/**
 * A value that must be unique is already taken ("a department with this name exists").
 * Controllers turn it into an error on the named form field.
 */
public class DuplicateException extends RuntimeException {

	private final String field;

	public DuplicateException(String field) {
		super("duplicate " + field);
		this.field = field;
	}

	/** The form field whose value is taken. */
	public String field() {
		return field;
	}

}
