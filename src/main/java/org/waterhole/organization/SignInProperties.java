package org.waterhole.organization;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people sign in ({@code waterhole.sign-in.*}; the README's "Sign-in" lists them): whether
 * Waterhole's own passwords are in use, and which groups at the identity provider or directory
 * give which role.
 *
 * @param localPasswords whether accounts may sign in with a password kept by Waterhole
 * @param groups the groups that make a strategist or a manager
 * @param allowedDomains the email domains of the institution (any case): someone the provider or
 * directory signs in with another is refused; empty, anyone it signs in is let in
 */
@ConfigurationProperties("waterhole.sign-in")
record SignInProperties(@DefaultValue("true") boolean localPasswords, @DefaultValue Groups groups,
		@DefaultValue List<String> allowedDomains) {

	/** Whether an (already normalised) email is of one of the institution's domains, or any will do. */
	boolean allows(String email) {
		String domain = email.substring(email.lastIndexOf('@') + 1);
		return allowedDomains.isEmpty() || allowedDomains.stream().anyMatch(domain::equalsIgnoreCase);
	}

	/**
	 * Group values (as the provider's claim or the directory gives them; a directory group by its
	 * name or its whole DN) that give a role at each sign-in.
	 *
	 * @param strategist groups whose members are strategists
	 * @param manager groups whose members are managers
	 * @param authoritative whether the groups alone decide the role, also below one given by hand
	 */
	record Groups(@DefaultValue List<String> strategist, @DefaultValue List<String> manager, boolean authoritative) {

		/** Whether any group gives a role above staff. */
		boolean giveRoles() {
			return !strategist.isEmpty() || !manager.isEmpty();
		}

		/** The role that {@code groups} give: staff when none of them is listed. */
		Role roleOf(Set<String> groups) {
			if (containsAny(strategist, groups)) {
				return Role.STRATEGIST;
			}
			return containsAny(manager, groups) ? Role.MANAGER : Role.STAFF;
		}

		private static boolean containsAny(List<String> listed, Set<String> groups) {
			return listed.stream().anyMatch(group -> groups.stream().anyMatch(group::equalsIgnoreCase));
		}

	}

}
