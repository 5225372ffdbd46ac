package org.waterhole.organization;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.PersonalData.Records;
import org.waterhole.shared.NotFoundException;
import org.waterhole.shared.format.Formats;

/**
 * A copy of everything Waterhole holds about one person, gathered from every module's
 * {@link PersonalData}, as a page to read and as a JSON file to keep.
 */
@Service
@Transactional(readOnly = true)
class PersonalDataCopy {

	private final List<PersonalData> modules;

	private final PersonService people;

	private final JsonMapper json;

	private final Formats formats;

	private final MessageSource messages;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	PersonalDataCopy(List<PersonalData> modules, PersonService people, JsonMapper json, Formats formats,
			MessageSource messages, Clock clock, ApplicationEventPublisher events) {
		this.modules = modules;
		this.people = people;
		this.json = json;
		this.formats = formats;
		this.messages = messages;
		this.clock = clock;
		this.events = events;
	}

	/** Everything about the person, each module's kinds in turn; a 404 for nobody. */
	Copy of(long personId) {
		String name = people.nameOf(personId).orElseThrow(() -> new NotFoundException("Person", personId));
		List<Records> records = new ArrayList<>();
		modules.forEach(module -> records.addAll(module.about(personId)));
		return new Copy(personId, name, readingsUnnamed(records), clock.instant(), records);
	}

	/**
	 * The copy of a person's data opened by {@code viewerId}: when it is someone else's, logged as
	 * who looked at named readers ({@link PersonalDataCopied}), in the same transaction.
	 */
	@Transactional
	Copy of(long personId, long viewerId) {
		Copy copy = of(personId);
		if (viewerId != personId) {
			events.publishEvent(new PersonalDataCopied(viewerId, personId, copy.madeAt()));
		}
		return copy;
	}

	private static boolean readingsUnnamed(List<Records> records) {
		return records.stream()
			.filter(kind -> kind.kind().equals("person"))
			.flatMap(kind -> kind.items().stream())
			.anyMatch(item -> Boolean.TRUE.equals(item.get("readingsUnnamed")));
	}

	/** The copy as JSON: the kinds by name, in order, each a list of records; dates and times in ISO 8601. */
	byte[] json(Copy copy) {
		Map<String, Object> kinds = new LinkedHashMap<>();
		copy.records().forEach(records -> kinds.put(records.kind(), records.items().stream().map(PersonalDataCopy::iso).toList()));
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("personId", copy.personId());
		document.put("name", copy.name());
		document.put("madeAt", copy.madeAt().toString());
		document.put("records", kinds);
		return json.writerWithDefaultPrettyPrinter().writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
	}

	/** The JSON file's name, with the day it was made. */
	String fileName() {
		return "waterhole-data-" + LocalDate.now(clock) + ".json";
	}

	private static Map<String, Object> iso(Map<String, Object> item) {
		Map<String, Object> values = new LinkedHashMap<>();
		item.forEach((field, value) -> values.put(field, value instanceof TemporalAccessor ? value.toString() : value));
		return values;
	}

	/** The copy for the page: each kind with its fields and its records' values in words. */
	List<Kind> page(Copy copy) {
		return copy.records().stream().map(this::kind).toList();
	}

	/** When the copy was made, in words. */
	String madeAt(Copy copy) {
		return formats.dateTime(copy.madeAt());
	}

	private Kind kind(Records records) {
		List<String> fields = records.items().isEmpty() ? List.of() : List.copyOf(records.items().get(0).keySet());
		List<List<String>> rows = records.items()
			.stream()
			.map(item -> fields.stream().map(field -> text(item.get(field))).toList())
			.toList();
		return new Kind(records.kind(), fields, rows);
	}

	private String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Instant instant) {
			return formats.dateTime(instant);
		}
		if (value instanceof LocalDate date) {
			return formats.date(date);
		}
		if (value instanceof Boolean yes) {
			return messages.getMessage(yes ? "privacy.data.yes" : "privacy.data.no", null,
					LocaleContextHolder.getLocale());
		}
		if (value instanceof Number number) {
			return formats.number(number);
		}
		return value.toString();
	}

	/**
	 * What Waterhole holds about a person, made at {@code madeAt}; {@code readingsUnnamed}: whether
	 * they chose that their name is never connected to their readings.
	 */
	record Copy(long personId, String name, boolean readingsUnnamed, Instant madeAt, List<Records> records) {
	}

	/** One kind of record on the page: its name, its fields, and each record's values in words. */
	record Kind(String kind, List<String> fields, List<List<String>> rows) {
	}

}
