package org.waterhole.playbook;

import java.util.Locale;

import org.springframework.web.util.UriComponentsBuilder;
import org.waterhole.adoption.Stage;
import org.waterhole.playbook.Comparison.Row;

/**
 * The comparison's filters as the URL carries them: {@code stage}, a name search {@code q} and
 * {@code due} (a check-in is due); values that mean nothing are ignored.
 */
record ComparisonFilter(Stage stage, String q, boolean due) {

	static final int MAX_QUERY = 100;

	static ComparisonFilter parse(String stage, String q, String due) {
		Stage parsed = null;
		if (stage != null) {
			for (Stage s : Stage.values()) {
				if (s.name().equalsIgnoreCase(stage.trim())) {
					parsed = s;
				}
			}
		}
		String query = q == null || q.isBlank() ? null : q.strip();
		if (query != null && query.length() > MAX_QUERY) {
			query = query.substring(0, MAX_QUERY);
		}
		return new ComparisonFilter(parsed, query, "true".equalsIgnoreCase(due) || "on".equalsIgnoreCase(due));
	}

	boolean accepts(Row row) {
		return (stage == null || row.stage() == stage)
				&& (q == null || row.name().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT)))
				&& (!due || row.checkInDue());
	}

	public boolean isEmpty() {
		return stage == null && q == null && !due;
	}

	/** A link to {@code path} with these filters and the order given ({@code null}: the default). */
	public String link(String path, String sort) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
		if (stage != null) {
			url.queryParam("stage", stage.name());
		}
		if (q != null) {
			url.queryParam("q", q);
		}
		if (due) {
			url.queryParam("due", "true");
		}
		if (sort != null) {
			url.queryParam("sort", sort);
		}
		return url.encode().build().toUriString();
	}

	/** The filter in a file name: letters, digits and dashes only. */
	String fileNamePart() {
		StringBuilder part = new StringBuilder();
		if (stage != null) {
			part.append('-').append(stage.name().toLowerCase(Locale.ROOT));
		}
		if (q != null) {
			String words = q.toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]+", "-").replaceAll("(^-+|-+$)", "");
			if (!words.isEmpty()) {
				part.append("-named-").append(words, 0, Math.min(words.length(), 30));
			}
		}
		if (due) {
			part.append("-check-in-due");
		}
		return part.toString();
	}

}
