package org.waterhole.shared.history;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Long text in a history entry: the part that changed, with a little around it, never a split character. */
class ExcerptTests {

	static final String LONG = "Word ".repeat(2000);

	@Test
	void short_text_is_whole_and_long_text_starts_with_its_beginning() {
		assertThat(Excerpt.isLong("A short pitch.")).isFalse();
		assertThat(Excerpt.start("A short pitch.")).isEqualTo("A short pitch.");
		assertThat(Excerpt.start(LONG)).startsWith("Word Word").endsWith("…").hasSize(Excerpt.CHANGED + 1);
	}

	@Test
	void a_change_in_the_middle_of_ten_thousand_characters_shows_only_it_and_its_surroundings() {
		String after = LONG.substring(0, 5000) + "CHANGED " + LONG.substring(5000);
		String[] excerpts = Excerpt.changed(LONG, after);
		assertThat(excerpts[0]).startsWith("…").endsWith("…").hasSizeLessThanOrEqualTo(2 * Excerpt.CONTEXT + 2);
		assertThat(excerpts[1]).startsWith("…").endsWith("…").contains("CHANGED ").hasSizeLessThanOrEqualTo(2 * Excerpt.CONTEXT + 10);
	}

	@Test
	void a_long_changed_part_is_cut_and_the_text_added_or_removed_at_either_end_shows() {
		String[] appended = Excerpt.changed(LONG, LONG + "The end.");
		assertThat(appended[0]).startsWith("…").doesNotEndWith("…");
		assertThat(appended[1]).startsWith("…").endsWith("The end.");
		String[] replaced = Excerpt.changed(LONG, "Another text entirely. ".repeat(500));
		assertThat(replaced[1]).hasSizeLessThanOrEqualTo(Excerpt.CHANGED + Excerpt.CONTEXT + 2);
		assertThat(Excerpt.changed(null, "New")[0]).isNull();
	}

	@Test
	void no_character_outside_the_basic_plane_is_cut_in_two() {
		String emoji = "😀".repeat(1000);
		String[] excerpts = Excerpt.changed(emoji, emoji.substring(0, 1000) + "x" + emoji.substring(1000));
		for (String excerpt : excerpts) {
			assertThat(excerpt.codePoints().filter(ExcerptTests::lone)).isEmpty();
		}
		assertThat(Excerpt.start(emoji).codePoints().filter(ExcerptTests::lone)).isEmpty();
	}

	/** A surrogate left alone: half of a character cut in two. */
	private static boolean lone(int codePoint) {
		return Character.getType(codePoint) == Character.SURROGATE;
	}

}
