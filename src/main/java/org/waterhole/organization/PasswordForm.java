package org.waterhole.organization;

/**
 * A new password, typed twice; when users change their own, also the current one. The
 * strategist resetting someone else's password leaves {@code currentPassword} empty.
 */
public class PasswordForm {

	private String currentPassword;

	@AcceptablePassword
	private String newPassword;

	private String confirmation;

	public String getCurrentPassword() {
		return currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public String getNewPassword() {
		return newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

	public String getConfirmation() {
		return confirmation;
	}

	public void setConfirmation(String confirmation) {
		this.confirmation = confirmation;
	}

}
