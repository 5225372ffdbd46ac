package org.waterhole.organization;

import jakarta.validation.constraints.NotNull;

/**
 * An account as the strategist creates or edits it. The person and the initial password are
 * only given when creating; the version only when editing.
 */
public class AccountForm {

	public interface Create {
	}

	@NotNull(groups = Create.class)
	private Long personId;

	@NotNull
	private Role role = Role.STAFF;

	private boolean enabled = true;

	@AcceptablePassword(groups = Create.class)
	private String password;

	private Long version;

	public Long getPersonId() {
		return personId;
	}

	public void setPersonId(Long personId) {
		this.personId = personId;
	}

	public Role getRole() {
		return role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
