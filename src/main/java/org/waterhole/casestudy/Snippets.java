package org.waterhole.casestudy;

import java.util.regex.Pattern;

/**
 * A search snippet from a case study's clean text with every match marked: the sentence of the
 * first match and those after it, up to about {@value #WORDS} words, so that a snippet starts
 * where a sentence starts. Without a match in the text (the title matched), its first sentences.
 */
final class Snippets {

	/** About how many words a snippet has: whole sentences until there are this many. */
	static final int WORDS = 35;

	/** Where a sentence ends: after its end mark, before the next one's first letter. */
	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");

	private Snippets() {
	}

	/**
	 * The snippet of {@code text}, whose matches are between {@code start} and {@code end}; a
	 * sentence too long to show whole is cut after its first match, with an ellipsis.
	 */
	static String cut(String text, String start, String end) {
		if (text == null) {
			return null;
		}
		String[] sentences = SENTENCE_END.split(text.strip());
		int first = 0;
		while (first < sentences.length && !sentences[first].contains(start)) {
			first++;
		}
		if (first == sentences.length) {
			first = 0;
		}
		StringBuilder snippet = new StringBuilder();
		int words = 0;
		for (int i = first; i < sentences.length && words < WORDS; i++) {
			snippet.append(snippet.isEmpty() ? "" : " ").append(sentences[i]);
			words += sentences[i].split("\\s+").length;
		}
		return words <= 2 * WORDS ? snippet.toString() : shortened(snippet.toString(), start, end);
	}

	/** The first {@value #WORDS} words, or up to a few words after the first match if that is later. */
	private static String shortened(String snippet, String start, String end) {
		String[] words = snippet.split("\\s+");
		int keep = WORDS;
		for (int i = 0; i < words.length; i++) {
			if (words[i].contains(start)) {
				keep = Math.max(keep, i + 6);
				break;
			}
		}
		if (keep >= words.length) {
			return snippet;
		}
		String cut = String.join(" ", java.util.Arrays.copyOf(words, keep));
		// A mark is never left open.
		if (cut.lastIndexOf(start) > cut.lastIndexOf(end)) {
			cut += end;
		}
		return cut + " …";
	}

}
