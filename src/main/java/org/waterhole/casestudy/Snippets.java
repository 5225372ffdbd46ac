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
	 * How many of the last words of a window of a text {@link #cutWindow} leaves alone: the last
	 * may be cut in two, and the words next to it may then be read as other words.
	 */
	static final int UNSURE_WORDS = 3;

	/**
	 * How many words a window that starts inside a text needs before its first mark: those a
	 * snippet may start with before the match ({@value #LEAD}), the word before them (to tell
	 * whether the snippet starts a sentence) and the first word, which may be cut in two.
	 */
	static final int WORDS_BEFORE = LEAD + 2;

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private Snippets() {
	}

	/** The snippet of {@code text}, whose matches are between {@code start} and {@code end}. */
	static String cut(String text, String start, String end) {
		return cut(text, start, end, new Window(true, true, true));
	}

	/**
	 * The snippet of a text of which {@code text} is a window (matches marked the same way), or
	 * null when the window is not enough to tell. The window is the text's start ({@code atStart})
	 * or else has no match before it; it reaches the text's end ({@code atEnd}) or not. It is not
	 * enough when it has no match but the text may ({@code textUnmatched} false), when it starts
	 * inside the text with fewer than {@value #WORDS_BEFORE} words before its first match, or when
	 * the snippet reaches into its last {@value #UNSURE_WORDS} words before the text's end.
	 */
	static String cutWindow(String text, String start, String end, boolean atStart, boolean atEnd,
			boolean textUnmatched) {
		return cut(text, start, end, new Window(atStart, atEnd, textUnmatched));
	}

	/** Where a text cut lies in its whole text, and whether the whole text has no match. */
	private record Window(boolean atStart, boolean atEnd, boolean textUnmatched) {
	}

	private static String cut(String text, String start, String end, Window window) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		if (stripped.isEmpty()) {
			return window.atStart() && window.atEnd() ? stripped : null;
		}
		String[] words = SPACE.split(stripped);
		int n = words.length;
		// How many marks are open before each word (ts_headline marks words one by one, but a
		// mark over several words is kept whole too).
		int[] open = new int[n + 1];
		for (int i = 0; i < n; i++) {
			open[i + 1] = Math.max(0, open[i] + count(words[i], start) - count(words[i], end));
		}
		int match = firstMatch(words, start, window);
		if (match < 0) {
			return null;
		}
		int from = snippetStart(words, match, open, end);
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
		if (!window.atEnd() && to > n - UNSURE_WORDS) {
			return null;
		}
		cutShort = cutShort && to < n;
		boolean cutBefore = from > 0 && !endsSentence(words[from - 1], end);
		return (cutBefore ? ELLIPSIS + " " : "") + String.join(" ", Arrays.copyOfRange(words, from, to))
				+ (cutShort ? " " + ELLIPSIS : "");
	}

	/**
	 * The word of the first match; the first word when neither the window nor its text has one;
	 * -1 when the window is not enough to tell.
	 */
	private static int firstMatch(String[] words, String start, Window window) {
		int match = 0;
		while (match < words.length && !words[match].contains(start)) {
			match++;
		}
		if (match == words.length) {
			return window.atStart() && (window.atEnd() || window.textUnmatched()) ? 0 : -1;
		}
		return window.atStart() || match >= WORDS_BEFORE ? match : -1;
	}

	/**
	 * The first word of the snippet: that of the first match's sentence when it starts at most
	 * {@value #LEAD} words before it, else {@value #BEFORE} words before it; never inside a mark.
	 */
	private static int snippetStart(String[] words, int match, int[] open, String end) {
		int sentence = match;
		while (sentence > 0 && !endsSentence(words[sentence - 1], end)) {
			sentence--;
		}
		int from = match - sentence <= LEAD ? sentence : match - BEFORE;
		while (from > 0 && open[from] > 0) {
			from--;
		}
		return from;
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
