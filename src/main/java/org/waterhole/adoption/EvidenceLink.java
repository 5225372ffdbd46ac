package org.waterhole.adoption;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The case study, champion or experiment that answered an objection; {@code name} is what the
 * adoption timeline knows it by (null when it heard of nothing yet).
 */
public record EvidenceLink(Evidence kind, long id, String name) {

	private static final Pattern VALUE = Pattern.compile("(CASE_STUDY|CHAMPION|EXPERIMENT):([1-9][0-9]{0,17})");

	/** How a form sends it: {@code CASE_STUDY:12}. */
	public String value() {
		return kind.name() + ":" + id;
	}

	public String path() {
		return kind.path(id);
	}

	/** What a form sent, if it is a kind and an id (nothing is looked up). */
	static Optional<EvidenceLink> parse(String value) {
		Matcher matcher = value == null ? null : VALUE.matcher(value.strip());
		if (matcher == null || !matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new EvidenceLink(Evidence.valueOf(matcher.group(1)), Long.parseLong(matcher.group(2)), null));
	}

	/** From a row's kind and id columns; null when there is none. */
	static EvidenceLink of(String kind, long id, String name) {
		return kind == null ? null : new EvidenceLink(Evidence.valueOf(kind), id, name);
	}

}
