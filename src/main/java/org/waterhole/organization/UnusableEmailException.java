package org.waterhole.organization;

import org.springframework.security.authentication.AccountStatusException;

/**
 * The identity provider or directory gave no email Waterhole can use (none, not verified, not an
 * address): nobody can be found or made for it, and the sign-in stops here.
 */
class UnusableEmailException extends AccountStatusException {

	UnusableEmailException() {
		super("no usable email");
	}

}
