package org.waterhole.organization;

import java.io.Serial;
import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.waterhole.shared.history.Author;

/**
 * The signed-in user: who they are in the organisation (person and department) and their role.
 * Controllers of every module receive it with {@code @AuthenticationPrincipal WaterholeUser user};
 * the history names them as the author of what they change.
 */
public class WaterholeUser extends User implements Author {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long accountId;

	private final long personId;

	private final Long departmentId;

	private final String displayName;

	private final Role role;

	/** Whether they signed in with the institution's identity (single sign-on, the directory). */
	private final boolean external;

	WaterholeUser(long accountId, long personId, Long departmentId, String displayName, String email,
			String passwordHash, Role role, boolean enabled) {
		this(accountId, personId, departmentId, displayName, email, passwordHash, role, enabled, false);
	}

	private WaterholeUser(long accountId, long personId, Long departmentId, String displayName, String email,
			String passwordHash, Role role, boolean enabled, boolean external) {
		super(email, passwordHash, enabled, true, true, true, List.of(new SimpleGrantedAuthority(role.authority())));
		this.accountId = accountId;
		this.personId = personId;
		this.departmentId = departmentId;
		this.displayName = displayName;
		this.role = role;
		this.external = external;
	}

	/** A copy of {@code user}, for the kinds of user that carry more. */
	WaterholeUser(WaterholeUser user) {
		this(user.accountId, user.personId, user.departmentId, user.displayName, user.getEmail(), "", user.role,
				user.isEnabled(), user.external);
	}

	/** The user of an account signing in with its own password. */
	static WaterholeUser withPassword(SignInAccount account) {
		return new WaterholeUser(account.accountId(), account.personId(), account.departmentId(), account.name(),
				account.email(), account.passwordHash(), account.role(), account.enabled(), false);
	}

	/** The user of an account signing in with the institution's identity: Waterhole checks no password. */
	static WaterholeUser external(SignInAccount account) {
		return new WaterholeUser(account.accountId(), account.personId(), account.departmentId(), account.name(),
				account.email(), "", account.role(), account.enabled(), true);
	}

	/** The same user placed in a department: what their session carries once they chose it. */
	WaterholeUser inDepartment(long departmentId) {
		return new WaterholeUser(accountId, personId, departmentId, displayName, getEmail(), "", role, isEnabled(),
				external);
	}

	/** Whether they should choose their department: signed in with the institution's identity, which gave none. */
	public boolean isChoosingDepartment() {
		return external && departmentId == null;
	}

	public long getAccountId() {
		return accountId;
	}

	public long getPersonId() {
		return personId;
	}

	/** The user's department, or {@code null} for someone not placed in one. */
	public Long getDepartmentId() {
		return departmentId;
	}

	public String getDisplayName() {
		return displayName;
	}

	public Role getRole() {
		return role;
	}

	/**
	 * Whether the user has the strategist's rights; what {@code hasRole('STRATEGIST')} says, for
	 * templates, without parsing a security expression on every render.
	 */
	public boolean isStrategist() {
		return role.includes(Role.STRATEGIST);
	}

	/** Whether the user has a manager's rights (managers and strategists). */
	public boolean isManager() {
		return role.includes(Role.MANAGER);
	}

	public String getEmail() {
		return getUsername();
	}

}
