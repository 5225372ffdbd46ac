package org.waterhole.shared.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the history shows of one kind of record: its fields, in the order of its form, each with
 * its label (a message key) and the way its values read. A module describes each of its audited
 * records once; {@link History} reads their revisions with it. A field may hold one value or a
 * collection (platforms, tags, ids): a collection's changes read as what was added and removed.
 * Audited properties left out are kept but not shown.
 */
public final class HistoryFields {

	/** Looks up what records of another kind are called, by id, in one go; ids missing from the answer are shown as such. */
	@FunctionalInterface
	public interface Names {

		Map<Long, String> of(Collection<Long> ids);

	}

	/** How a field's values read. */
	enum Kind {

		/** As they are, formatted by type: text, dates, numbers, yes or no. */
		PLAIN,
		/** Long text (a Markdown body): only the part that changed, with some context. */
		LONG_TEXT,
		/** An enum's constant, through the message {@code prefix + name}. */
		CHOICE,
		/** The id of another record, by its name. */
		REFERENCE

	}

	record Field(String property, String label, Kind kind, String prefix, Names names) {
	}

	private final Class<?> type;

	private final List<Field> fields = new ArrayList<>();

	private String relation;

	private String subjectLabel;

	private String subjectProperty;

	private HistoryFields(Class<?> type) {
		this.type = type;
	}

	/** The fields of the audited entity {@code type}, to be added in the order they are shown. */
	public static HistoryFields of(Class<?> type) {
		return new HistoryFields(type);
	}

	/** A field shown as it is: short text, a date, a number, or yes or no. */
	public HistoryFields plain(String property, String label) {
		return add(new Field(property, label, Kind.PLAIN, null, null));
	}

	/** Long text, such as a Markdown body: a change shows the part that changed, not the whole. */
	public HistoryFields longText(String property, String label) {
		return add(new Field(property, label, Kind.LONG_TEXT, null, null));
	}

	/** An enum (or a collection of them), each value through the message {@code prefix + name}. */
	public HistoryFields choice(String property, String label, String prefix) {
		return add(new Field(property, label, Kind.CHOICE, prefix, null));
	}

	/** The id of another record (or a collection of ids, or an association), shown by name. */
	public HistoryFields reference(String property, String label, Names names) {
		return add(new Field(property, label, Kind.REFERENCE, null, names));
	}

	/**
	 * Makes these the fields of the records that belong to another one through the association
	 * {@code relation} (a measurement's {@code experiment}): their changes are part of its history,
	 * each introduced by the message {@code label} with the value of {@code property} ("Measurement
	 * of {0}").
	 */
	public HistoryFields belongingTo(String relation, String label, String property) {
		this.relation = relation;
		this.subjectLabel = label;
		this.subjectProperty = property;
		return this;
	}

	private HistoryFields add(Field field) {
		fields.add(field);
		return this;
	}

	Class<?> type() {
		return type;
	}

	List<Field> fields() {
		return fields;
	}

	String relation() {
		return relation;
	}

	String subjectLabel() {
		return subjectLabel;
	}

	String subjectProperty() {
		return subjectProperty;
	}

}
