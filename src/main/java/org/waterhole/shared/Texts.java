package org.waterhole.shared;

import java.util.stream.IntStream;

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
	 * What may stand next to a whole word, by code point, whatever the database's locale: any
	 * ASCII character but a letter or digit (spaces and punctuation), the Latin-1 punctuation and
	 * spaces (the non-breaking space, « and » among them), × and ÷, the general punctuation (the
	 * typographic spaces, dashes and quotes, ’ “ ” among them), the supplemental punctuation and
	 * the CJK punctuation. Any other character, a letter of any script among them, is part of a word.
	 */
	private static final String SEPARATORS = "\\u0001-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u00BF"
			+ "\\u00D7\\u00F7\\u2000-\\u206F\\u2E00-\\u2E7F\\u3000-\\u303F";

	/** At the start of the text or after a separator: not after a character of a word. */
	private static final String WORD_START = "(?<![^" + SEPARATORS + "])";

	/** At the end of the text or before a separator: not before a character of a word. */
	private static final String WORD_END = "(?![^" + SEPARATORS + "])";

	/**
	 * A PostgreSQL regular expression (for {@code ~*} and {@code regexp_replace} with the flag
	 * {@code i}) that finds the term as written, its punctuation taken literally, its letters in
	 * either case, and as a whole word where it begins or ends with a letter or digit: a name is
	 * found in a text without matching inside longer words. Neither where a word ends nor the
	 * case of a letter depends on the database's locale: in a C locale, too, Zoë Åberg is found
	 * in zoë åberg’s notes and Björk is not found in Björkö.
	 */
	public static String wordPattern(String term) {
		StringBuilder pattern = new StringBuilder();
		if (Character.isLetterOrDigit(term.codePointAt(0))) {
			pattern.append(WORD_START);
		}
		term.codePoints().forEach(c -> {
			if (c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) {
				pattern.append('\\').appendCodePoint(c);
			}
			else if (c >= 128 && Character.isLetter(c)) {
				pattern.append(eitherCase(c));
			}
			else {
				pattern.appendCodePoint(c);
			}
		});
		if (Character.isLetterOrDigit(term.codePointBefore(term.length()))) {
			pattern.append(WORD_END);
		}
		return pattern.toString();
	}

	/**
	 * A letter beyond ASCII in any of its cases, as a bracket expression: the flag {@code i}
	 * folds only ASCII letters in a C locale.
	 */
	private static String eitherCase(int letter) {
		StringBuilder cases = new StringBuilder();
		IntStream.of(letter, Character.toLowerCase(letter), Character.toUpperCase(letter), Character.toTitleCase(letter))
			.distinct()
			.forEach(cases::appendCodePoint);
		return cases.length() == Character.charCount(letter) ? cases.toString() : "[" + cases + "]";
	}

}
