package org.waterhole.shared.web;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * A form's hidden fields are the page's, not the user's: when one doesn't bind (a record's
 * {@code version} that isn't a number), its error has no control to show next to, so the form is
 * refused as a whole with {@code form.damaged}, which the form's error summary shows. Added to
 * every form binder by {@link WebAdvice}.
 */
final class HiddenFields implements Validator {

	/** The hidden field every form of a record carries: the version the user started from. */
	static final String VERSION = "version";

	@Override
	public boolean supports(Class<?> type) {
		return true;
	}

	@Override
	public void validate(Object target, Errors errors) {
		if (errors.hasFieldErrors(VERSION) && !errors.hasGlobalErrors()) {
			errors.reject("form.damaged");
		}
	}

}
