package org.waterhole.organization;

/** What signing in needs to know of an account. */
record SignInAccount(long accountId, long personId, Long departmentId, String name, String email,
		String passwordHash, Role role, boolean enabled) {
}
