package org.waterhole.shared.security;

import java.util.Arrays;
import java.util.Locale;

/**
 * Why a sign-in through the identity provider or the directory did not go through, as the login
 * page explains it ({@code /login?problem=unavailable}); each has a message saying what to do.
 */
public enum SignInProblem {

	/** The identity provider did not answer, or not as expected. */
	UNAVAILABLE,

	/** The directory did not answer. */
	DIRECTORY,

	/** The provider gave no email, or one it has not verified. */
	UNVERIFIED,

	/** The email is not of the institution's domains. */
	OUTSIDER,

	/** The account is switched off in Waterhole. */
	DISABLED,

	/** The round trip through the provider did not match one started here (an old tab, a forged link). */
	INTERRUPTED,

	/** The person said no at the provider. */
	CANCELLED,

	/** Anything else the provider refused. */
	FAILED;

	/** The parameter's value for the login page's address. */
	public String parameter() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "login.problem." + parameter();
	}

	/** The problem a login page's parameter names; {@link #FAILED} for one it doesn't know. */
	public static SignInProblem fromParameter(String value) {
		return Arrays.stream(values()).filter(problem -> problem.parameter().equals(value)).findFirst().orElse(FAILED);
	}

}
