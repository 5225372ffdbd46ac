package org.waterhole.shared.web;

import java.util.Locale;

/**
 * Turns what a user typed into a search box into a SQL {@code LIKE} pattern that matches it
 * anywhere, case-insensitively, with {@code %}, {@code _} and the escape character taken
 * literally. Queries use it as {@code lower(x) like :pattern escape '\'}.
 */
public final class LikePattern {

	private LikePattern() {
	}

	/** {@code null} or blank input matches everything. */
	public static String contains(String text) {
		if (text == null || text.isBlank()) {
			return "%";
		}
		String cleaned = TextInput.clean(text);
		if (cleaned == null) {
			return "%";
		}
		String escaped = cleaned.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + escaped + "%";
	}

}
