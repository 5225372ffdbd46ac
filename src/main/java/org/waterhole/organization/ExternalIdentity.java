package org.waterhole.organization;

import java.util.Set;

/**
 * Who the institution's identity provider or directory says someone is, as they sign in.
 *
 * @param email their address, already trusted (verified by the provider, or from a claim that is by contract)
 * @param name their name, {@code null} when not given
 * @param jobTitle their job title, {@code null} when not given
 * @param department their department's code or name, {@code null} when not given
 * @param groups the groups or roles they have at the provider
 */
record ExternalIdentity(String email, String name, String jobTitle, String department, Set<String> groups) {

	ExternalIdentity {
		groups = groups == null ? Set.of() : Set.copyOf(groups);
	}

}
