package org.waterhole.shared;

import org.hibernate.exception.ConstraintViolationException;

import org.springframework.dao.DataIntegrityViolationException;

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

	/**
	 * Whether the database refused a write because of the named unique constraint (and not for
	 * any other reason, which is not the user's to fix).
	 */
	public static boolean violates(DataIntegrityViolationException ex, String constraint) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConstraintViolationException violation
					&& constraint.equalsIgnoreCase(violation.getConstraintName())) {
				return true;
			}
		}
		return false;
	}

	/** The form field whose value is taken. */
	public String field() {
		return field;
	}

}
