package org.waterhole.shared;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Free tags (case-study topics, champions' skills), normalised so that "Open Days",
 * "open-days" and "#open days" are one tag: lower case, words joined by hyphens, no leading
 * {@code #}.
 */
public final class Tags {

	public static final int MAX_LENGTH = 40;

	public static final int MAX_COUNT = 15;

	private Tags() {
	}

	/** The tags in a comma-separated list, normalised, without blanks or repeats. */
	public static Set<String> parse(String text) {
		Set<String> tags = new LinkedHashSet<>();
		if (text == null) {
			return tags;
		}
		for (String part : text.split("[,;\\n]")) {
			String tag = normalize(part);
			if (!tag.isEmpty()) {
				tags.add(tag);
			}
		}
		return tags;
	}

	public static String normalize(String tag) {
		return tag.strip()
			.toLowerCase(Locale.ROOT)
			.replaceAll("^#+", "")
			.replaceAll("[\\s_]+", "-")
			.replaceAll("[^\\p{L}\\p{N}&+.-]", "")
			.replaceAll("-{2,}", "-")
			.replaceAll("^-|-$", "");
	}

	public static String format(Set<String> tags) {
		return String.join(", ", tags);
	}

}
