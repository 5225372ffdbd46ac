package org.waterhole.shared;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names as parts of a file name: {@code Alumni Relations & Giving} becomes
 * {@code alumni-relations-giving}; letters lose their accents, anything else but digits becomes a
 * hyphen, and the result is at most {@value #MAX_LENGTH} characters.
 */
public final class Slugs {

	static final int MAX_LENGTH = 40;

	private Slugs() {
	}

	/** {@code name} as a slug; {@code fallback} when nothing of it is left. */
	public static String of(String name, String fallback) {
		String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-");
		if (plain.length() > MAX_LENGTH) {
			plain = plain.substring(0, MAX_LENGTH);
		}
		plain = plain.replaceAll("^-+|-+$", "");
		return plain.isEmpty() ? fallback : plain;
	}

}
