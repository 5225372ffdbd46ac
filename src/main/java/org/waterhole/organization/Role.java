package org.waterhole.organization;

import org.waterhole.shared.security.Roles;

/**
 * What an account may do. Each role includes the ones before it in this list.
 */
public enum Role {

	/** Department staff: read the library, champions, experiments and timeline; volunteer. */
	STAFF(Roles.STAFF),

	/** Everything staff may, plus the adoption dashboard and exports. */
	MANAGER(Roles.MANAGER),

	/** Runs the programme: creates and edits everything, manages people and accounts. */
	STRATEGIST(Roles.STRATEGIST);

	private final String roleName;

	Role(String roleName) {
		this.roleName = roleName;
	}

	/** The granted authority Spring Security checks: {@code ROLE_STAFF}. */
	public String authority() {
		return "ROLE_" + roleName;
	}

	/** Whether this role has the rights of {@code other}: the same role or one after it. */
	public boolean includes(Role other) {
		return compareTo(other) >= 0;
	}

	/** Key of the role's name in {@code messages.properties}. */
	public String messageKey() {
		return "role." + name();
	}

}
