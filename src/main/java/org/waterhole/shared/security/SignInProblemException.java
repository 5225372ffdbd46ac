package org.waterhole.shared.security;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A sign-in that stops with a reason the login page explains ({@link SignInProblem}), rather than
 * its usual "email and password don't match": a directory that is away, an identity without a
 * usable email. As an account status, it ends the sign-in at once, whatever provider is left.
 */
public class SignInProblemException extends AccountStatusException {

	private static final long serialVersionUID = 1L;

	private final SignInProblem problem;

	public SignInProblemException(SignInProblem problem, String message, Throwable cause) {
		super(message, cause);
		this.problem = problem;
	}

	public SignInProblem problem() {
		return problem;
	}

}
