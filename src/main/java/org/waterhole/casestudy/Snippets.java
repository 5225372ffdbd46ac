package org.waterhole.casestudy;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A search snippet from a case study's clean text with every match marked, at most about
 * {@value #WORDS} words long. It starts where the sentence of the first match starts when that
 * is at most {@value #LEAD} words before the match, and otherwise {@value #BEFORE} words before
 * the match, after an ellipsis: a long sentence without punctuation (a flattened table) does not
 * become a snippet of hundreds of words. It ends at the last sentence end within those words, or
 * with an ellipsis. A mark is never cut in two. Without a match in the text (the title matched),
 * its start.
 */
final class Snippets {

	/** The most words a snippet has (a mark is never cut, so it may have a few more then). */
	static final int WORDS = 35;

	/** How far before the first match its sentence may start for the snippet to start there. */
	static final int LEAD = 12;

	/** How many words before the first match a snippet starts when its sentence starts further back. */
	static final int BEFORE = 6;

	static final String ELLIPSIS = "…";

	/**
	 * How many of the last words of the start of a text {@link #cutStart} leaves alone: the
	 * last may be cut in two, and the words next to it may then be read as other words.
	 */
	static final int UNSURE_WORDS = 3;

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private Snippets() {
	}

	/** The snippet of {@code text}, whose matches are between {@code start} and {@code end}. */
	static String cut(String text, String start, String end) {
		return cut(text, start, end, true);
	}

	/**
	 * The snippet of a text of which {@code text} is the start (matches marked the same way), or
	 * null when that start is not enough to tell: without a match in it, or with the snippet
	 * reaching into its last {@value #UNSURE_WORDS} words.
	 */
	static String cutStart(String text, String start, String end) {
		return cut(text, start, end, false);
	}

	private static String cut(String text, String start, String end, boolean whole) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		if (stripped.isEmpty()) {
			return whole ? stripped : null;
		}
		String[] words = SPACE.split(stripped);
		int n = words.length;
		// How many marks are open before each word (ts_headline marks words one by one, but a
		// mark over several words is kept whole too).
		int[] open = new int[n + 1];
		for (int i = 0; i < n; i++) {
			open[i + 1] = Math.max(0, open[i] + count(words[i], start) - count(words[i], end));
		}
		int match = 0;
		while (match < n && !words[match].contains(start)) {
			match++;
		}
		if (match == n) {
			if (!whole) {
				return null;
			}
			match = 0;
		}
		int sentence = match;
		while (sentence > 0 && !endsSentence(words[sentence - 1], end)) {
			sentence--;
		}
		int from = match - sentence <= LEAD ? sentence : match - BEFORE;
		while (from > 0 && open[from] > 0) {
			from--;
		}
		int to = Math.min(n, from + WORDS);
		boolean cutShort = to < n;
		if (cutShort) {
			// The last sentence end within the words, if it keeps the first match.
			for (int i = to; i > match; i--) {
				if (endsSentence(words[i - 1], end) && open[i] == 0) {
					to = i;
					cutShort = false;
					break;
				}
			}
		}
		while (to < n && open[to] > 0) {
			to++;
		}
		if (!whole && to > n - UNSURE_WORDS) {
			return null;
		}
		cutShort = cutShort && to < n;
		boolean cutBefore = from > 0 && !endsSentence(words[from - 1], end);
		return (cutBefore ? ELLIPSIS + " " : "") + String.join(" ", Arrays.copyOfRange(words, from, to))
				+ (cutShort ? " " + ELLIPSIS : "");
	}

	/** Whether a word ends a sentence: an end mark last, but for a closing mark or quote. */
	private static boolean endsSentence(String word, String end) {
		int i = word.length();
		while (i > 0 && (word.startsWith(end, i - end.length()) || "\"'’”)".indexOf(word.charAt(i - 1)) >= 0)) {
			i -= word.startsWith(end, i - end.length()) ? end.length() : 1;
		}
		return i > 0 && ".!?…".indexOf(word.charAt(i - 1)) >= 0;
	}

	private static int count(String word, String mark) {
		int count = 0;
		for (int i = word.indexOf(mark); i >= 0; i = word.indexOf(mark, i + mark.length())) {
			count++;
		}
		return count;
	}

}
