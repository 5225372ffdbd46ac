package org.waterhole.shared.security;

/**
 * The role names Spring Security checks ({@code hasRole(Roles.STRATEGIST)}). Each role
 * includes the ones below it: a strategist may do all a manager may, a manager all staff may.
 */
public final class Roles {

	public static final String STAFF = "STAFF";

	public static final String MANAGER = "MANAGER";

	public static final String STRATEGIST = "STRATEGIST";

	private Roles() {
	}

}
