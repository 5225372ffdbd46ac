package org.waterhole.shared.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * The form sign-in's check of a password, turned away unchecked while the email or the client
 * address is paused ({@link SignInThrottle}). It wraps whatever checks the password (the accounts'
 * own, or any provider the form sign-in is given later), so the pause holds for every request
 * the form sign-in takes, however its URL was spelt.
 */
final class ThrottledAuthenticationManager implements AuthenticationManager {

	private final SignInThrottle throttle;

	private final AuthenticationManager checks;

	ThrottledAuthenticationManager(SignInThrottle throttle, AuthenticationManager checks) {
		this.throttle = throttle;
		this.checks = checks;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		if (throttle.isPaused(attempt)) {
			throw new SignInPausedException();
		}
		return checks.authenticate(attempt);
	}

	/**
	 * A sign-in turned away because its email or address is paused. No provider saw it, so no
	 * failure is published and the pause doesn't grow with each attempt.
	 */
	static final class SignInPausedException extends AuthenticationException {

		private static final long serialVersionUID = 1L;

		SignInPausedException() {
			super("Signing in with this email or from this address is paused");
		}

	}

}
