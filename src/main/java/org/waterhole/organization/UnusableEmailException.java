package org.waterhole.organization;

import org.waterhole.shared.security.SignInProblem;
import org.waterhole.shared.security.SignInProblemException;

/**
 * The identity provider or directory gave no email Waterhole can use (none, not verified, not an
 * address): nobody can be found or made for it, and the sign-in stops here.
 */
class UnusableEmailException extends SignInProblemException {

	UnusableEmailException() {
		super(SignInProblem.UNVERIFIED, "no usable email", null);
	}

}
