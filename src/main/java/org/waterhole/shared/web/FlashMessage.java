package org.waterhole.shared.web;

import java.io.Serializable;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A message shown once on the next page, after a redirect. The text comes from
 * {@code messages.properties}: {@code code} is the key, {@code args} its arguments.
 */
public record FlashMessage(Kind kind, String code, Object... args) implements Serializable {

	/** The model attribute the layout renders. */
	public static final String ATTRIBUTE = "flash";

	public enum Kind {

		SUCCESS, INFO, WARNING, DANGER;

		public String css() {
			return name().toLowerCase();
		}

	}

	public static void success(RedirectAttributes redirect, String code, Object... args) {
		redirect.addFlashAttribute(ATTRIBUTE, new FlashMessage(Kind.SUCCESS, code, args));
	}

	public static void warning(RedirectAttributes redirect, String code, Object... args) {
		redirect.addFlashAttribute(ATTRIBUTE, new FlashMessage(Kind.WARNING, code, args));
	}

	/**
	 * Says whether an action was done: a success ({@code doneCode}), or a warning
	 * ({@code notDoneCode}) when there was nothing left to do (done in another tab, say).
	 */
	public static void outcome(RedirectAttributes redirect, boolean done, String doneCode, String notDoneCode) {
		if (done) {
			success(redirect, doneCode);
		}
		else {
			warning(redirect, notDoneCode);
		}
	}

}
