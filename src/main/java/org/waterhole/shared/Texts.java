package org.waterhole.shared;

/** Small helpers for text that goes into a column of limited length. */
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

}
