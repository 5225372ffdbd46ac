package org.waterhole.shared.history;

/**
 * Long text as a history entry shows it: short text whole; of a long one the beginning, or, for
 * a change, the part that differs with a little of what surrounds it, so that a one-word edit of
 * a 10 KB body reads as that word.
 */
final class Excerpt {

	/** Text up to this length is shown whole. */
	static final int WHOLE = 300;

	/** How much of a changed part is shown. */
	static final int CHANGED = 240;

	/** How much unchanged text is shown on each side of a change. */
	static final int CONTEXT = 40;

	static final String ELLIPSIS = "…";

	private Excerpt() {
	}

	/** Whether text this long is shortened. */
	static boolean isLong(String text) {
		return text != null && text.length() > WHOLE;
	}

	/** The beginning of a long text. */
	static String start(String text) {
		if (!isLong(text)) {
			return text;
		}
		return text.substring(0, boundary(text, CHANGED)) + ELLIPSIS;
	}

	/** What differs between the two texts, each with context: {@code [before, after]}. */
	static String[] changed(String before, String after) {
		String a = before == null ? "" : before;
		String b = after == null ? "" : after;
		int prefix = 0;
		int shorter = Math.min(a.length(), b.length());
		while (prefix < shorter && a.charAt(prefix) == b.charAt(prefix)) {
			prefix++;
		}
		int suffix = 0;
		while (suffix < shorter - prefix && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
			suffix++;
		}
		return new String[] { before == null ? null : around(a, prefix, a.length() - suffix),
				after == null ? null : around(b, prefix, b.length() - suffix) };
	}

	/** {@code text} from a little before {@code from} to a little after {@code to}, the middle shortened. */
	private static String around(String text, int from, int to) {
		int start = boundary(text, Math.max(0, from - CONTEXT));
		int end = boundary(text, Math.min(text.length(), to + CONTEXT));
		StringBuilder excerpt = new StringBuilder();
		if (start > 0) {
			excerpt.append(ELLIPSIS);
		}
		excerpt.append(text, start, boundary(text, from));
		if (to - from > CHANGED) {
			excerpt.append(text, boundary(text, from), boundary(text, from + CHANGED)).append(ELLIPSIS);
		}
		else {
			excerpt.append(text, boundary(text, from), boundary(text, to));
		}
		excerpt.append(text, boundary(text, to), end);
		if (end < text.length()) {
			excerpt.append(ELLIPSIS);
		}
		return excerpt.toString();
	}

	/** {@code index}, moved back off the middle of a surrogate pair. */
	private static int boundary(String text, int index) {
		if (index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
				&& Character.isHighSurrogate(text.charAt(index - 1))) {
			return index - 1;
		}
		return index;
	}

}
