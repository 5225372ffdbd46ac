package org.waterhole.shared.history;

import java.time.Instant;
import java.util.List;

/**
 * A page of a record's history, newest first: {@code entries} are the revisions that touched it
 * (or its parts). {@code older} is the revision to read on from ({@code ?before=}), {@code null}
 * on the last page; {@code first} says whether this is the newest page; {@code beforeHistory}
 * that the record existed before its history was kept (it has no creation on record).
 */
public record HistoryPage(List<Entry> entries, Long older, boolean first, boolean beforeHistory) {

	public boolean isEmpty() {
		return entries.isEmpty();
	}

	/** One revision: when, who (no author is the system), and what it did to the record and its parts. */
	public record Entry(long revision, Instant at, String authorName, String authorEmail, List<Change> changes) {

		public boolean isSystem() {
			return authorName == null;
		}

	}

	/** What happened to a record. */
	public enum Kind {

		CREATED, CHANGED, DELETED;

		public String messageKey() {
			return "history.kind." + name();
		}

	}

	/**
	 * What one revision did to the record, or to one of its parts ({@code subject} names it:
	 * "Measurement of 12 Mar 2026"; {@code null} for the record itself). {@code unknownBefore}: a
	 * change to a record whose earlier values were never kept, so that its fields can't be
	 * compared.
	 */
	public record Change(String subject, Kind kind, boolean unknownBefore, List<FieldChange> fields) {
	}

	/**
	 * A field's change, as text ready to show: {@code before} and {@code after} ({@code null} when
	 * empty), excerpts of long text when {@code excerpt}; for a collection, what was
	 * {@code added} and {@code removed} instead (both {@code null} for a single value).
	 */
	public record FieldChange(String label, String before, String after, boolean excerpt, List<String> added,
			List<String> removed) {

		public boolean isCollection() {
			return added != null;
		}

	}

}
