package org.waterhole.organization;

import org.springframework.validation.Errors;

/** The rule every new-password form shares: the password typed twice must match. */
final class PasswordForms {

	private PasswordForms() {
	}

	static void requireConfirmation(PasswordForm form, Errors errors) {
		if (form.getNewPassword() != null && !form.getNewPassword().equals(form.getConfirmation())) {
			errors.rejectValue("confirmation", "password.mismatch");
		}
	}

}
