package org.waterhole.shared;

/** Small helpers for text that goes into a column of limited length, or is looked for in one. */
public final class Texts {

	private Texts() {
	}

	/**
	 * The text, shortened with an ellipsis to at most {@code max} characters (UTF-16 units, as a
	 * {@code varchar} counts them), never splitting a character made of two units.
	 */
	public static String cut(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		int end = max - 1;
		if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end).stripTrailing() + "…";
	}

	/**
	 * A PostgreSQL regular expression (for {@code ~*} and {@code regexp_replace}) that finds the
	 * term as written, its punctuation taken literally, and as a whole word where it begins or
	 * ends with a letter or digit: a name is found in a text without matching inside longer words.
	 */
	public static String wordPattern(String term) {
		StringBuilder pattern = new StringBuilder();
		if (Character.isLetterOrDigit(term.codePointAt(0))) {
			pattern.append("\\m");
		}
		term.codePoints().forEach(c -> {
			if (c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) {
				pattern.append('\\');
			}
			pattern.appendCodePoint(c);
		});
		if (Character.isLetterOrDigit(term.codePointBefore(term.length()))) {
			pattern.append("\\M");
		}
		return pattern.toString();
	}

}
