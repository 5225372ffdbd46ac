package org.waterhole.casestudy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Snippets stay short: from the sentence of the first match when it starts near it, else just before it. */
class SnippetsTests {

	private static final String START = "[";

	private static final String END = "]";

	private static String cut(String text) {
		return Snippets.cut(text, START, END);
	}

	/** {@code count} words without punctuation, numbered from {@code from}. */
	private static String words(int from, int count) {
		return IntStream.range(from, from + count).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
	}

	private static int wordCount(String snippet) {
		return snippet.replace("…", "").strip().split("\\s+").length;
	}

	@Test
	void a_match_deep_in_a_long_unpunctuated_sentence_gives_a_short_snippet_after_an_ellipsis() {
		String snippet = cut("A table follows. " + words(0, 800) + " [found] " + words(800, 400) + ".");
		assertThat(snippet).startsWith("… w794 w795 w796 w797 w798 w799 [found] w800").endsWith(" …");
		assertThat(wordCount(snippet)).isLessThanOrEqualTo(Snippets.WORDS);
	}

	@Test
	void a_match_near_its_sentence_start_starts_the_snippet_at_the_sentence() {
		String snippet = cut("Earlier words here. Enquiries from " + words(0, 8) + " [found] doubled. "
				+ "Then more. " + words(100, 50) + ".");
		assertThat(snippet).startsWith("Enquiries from w0");
		// It ends at the last sentence end within its words.
		assertThat(snippet).endsWith("doubled. Then more.");
	}

	@Test
	void a_snippet_is_never_longer_than_its_words_and_ends_with_an_ellipsis_when_cut_mid_sentence() {
		String snippet = cut("The [found] start " + words(0, 200) + ".");
		assertThat(snippet).startsWith("The [found] start w0").endsWith(" …");
		assertThat(wordCount(snippet)).isEqualTo(Snippets.WORDS);
		// The first sentences, when only the title matched.
		assertThat(wordCount(cut(words(0, 200)))).isEqualTo(Snippets.WORDS);
		assertThat(cut("Short. Text.")).isEqualTo("Short. Text.");
	}

	@Test
	void a_mark_is_never_cut_in_two() {
		// A mark over several words, across where the snippet would end: the snippet keeps it whole.
		String ending = cut("The [found] " + words(0, 31) + " [a b c d] " + words(100, 20));
		assertThat(ending).contains("[a b c d]").endsWith(" …");
		assertThat(cut(words(0, 100) + " [x y z] " + words(200, 50))).startsWith("… w94").contains("[x y z]");
	}

	/** The snippet of the start of a text that may go on with matches. */
	private static String cutStart(String start) {
		return Snippets.cutWindow(start, START, END, true, false, false);
	}

	@Test
	void the_start_of_a_text_gives_the_snippet_of_the_whole_text_when_the_snippet_ends_well_before_its_end() {
		String whole = "Intro words. " + words(0, 20) + " [found] " + words(20, 200) + ".";
		String start = whole.substring(0, 400);
		assertThat(cutStart(start)).isEqualTo(cut(whole)).contains("[found]");
		String sentence = "A short sentence with [found] in it. " + words(0, 50);
		assertThat(cutStart(sentence)).isEqualTo(cut(sentence + " " + words(50, 100)))
			.isEqualTo("A short sentence with [found] in it.");
	}

	@Test
	void the_start_of_a_text_is_not_enough_without_a_match_or_when_the_snippet_reaches_its_last_words() {
		assertThat(cutStart(words(0, 100))).isNull();
		assertThat(cutStart(words(0, 20) + " [found] " + words(20, 10))).isNull();
		assertThat(cutStart("")).isNull();
		assertThat(cutStart(words(0, 20) + " [found] " + words(20, 40))).isNotNull();
	}

	@Test
	void the_start_of_a_text_without_any_match_gives_its_first_sentences() {
		String whole = "First sentence here. " + words(0, 300) + ".";
		assertThat(Snippets.cutWindow(whole.substring(0, 600), START, END, true, false, true)).isEqualTo(cut(whole))
			.startsWith("First sentence here.");
	}

	@Test
	void a_window_inside_a_text_gives_the_snippet_of_the_whole_text() {
		String sentenceNear = "Lead in. " + words(0, 300) + ". A short sentence, then [found] here. " + words(400, 300);
		String deep = "Lead in. " + words(0, 300) + " [found] " + words(300, 300) + ".";
		String atItsEnd = "Lead in. " + words(0, 300) + " [found] the end.";
		for (String whole : new String[] { sentenceNear, deep, atItsEnd }) {
			int at = whole.indexOf('[');
			// Cut inside a word, as a window of characters may be.
			String window = whole.substring(at - 201, Math.min(whole.length(), at + 400));
			boolean atEnd = at + 400 >= whole.length();
			assertThat(Snippets.cutWindow(window, START, END, false, atEnd, false)).as(whole)
				.isEqualTo(cut(whole))
				.contains("[found]");
		}
	}

	@Test
	void a_window_inside_a_text_is_not_enough_with_few_words_before_its_first_match_or_none() {
		String whole = "Lead in. " + words(0, 300) + " [found] " + words(300, 300) + ".";
		int at = whole.indexOf('[');
		String close = whole.substring(at - 20, at + 400);
		assertThat(Snippets.cutWindow(close, START, END, false, false, false)).isNull();
		String unmarked = whole.substring(100, 600);
		assertThat(Snippets.cutWindow(unmarked, START, END, false, false, false)).isNull();
		assertThat(Snippets.cutWindow(unmarked, START, END, false, false, true)).isNull();
		assertThat(Snippets.cutWindow(words(0, 100), START, END, true, false, false)).isNull();
	}

}
