package org.waterhole.shared.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnitUtil;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.hibernate.envers.query.AuditQuery;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.collection.AbstractCollectionPersister;
import org.hibernate.persister.entity.EntityPersister;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.shared.format.Formats;
import org.waterhole.shared.history.HistoryFields.Field;
import org.waterhole.shared.history.HistoryFields.Kind;
import org.waterhole.shared.history.HistoryPage.Change;
import org.waterhole.shared.history.HistoryPage.Entry;
import org.waterhole.shared.history.HistoryPage.FieldChange;

/**
 * Reads a record's history from what Hibernate Envers kept: its revisions (and those of its
 * parts, such as an experiment's measurements), newest first, a page at a time, each compared
 * with the one before it field by field. A page costs the same few statements however long the
 * history is: one query per kind of record for the page (and, for parts, one for the earlier
 * values of those that changed), one per collection field for what was added and removed in the
 * page's revisions, and one per kind of name looked up.
 */
@Service
@Transactional(readOnly = true)
public class History {

	/** The one template that shows a history page; see {@link HistoryView}. */
	public static final String VIEW = "history";

	/** How many changes a page shows at most. */
	static final int PAGE_SIZE = 20;

	private final EntityManager entityManager;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Formats formats;

	History(EntityManager entityManager, JdbcClient jdbc, MessageSource messages, Formats formats) {
		this.entityManager = entityManager;
		this.jdbc = jdbc;
		this.messages = messages;
		this.formats = formats;
	}

	/**
	 * The page of the history of record {@code id} that ends before revision {@code before} (the
	 * newest page when {@code null}): the record's own changes (described by {@code record}) and
	 * those of its {@code parts} (each described with {@link HistoryFields#belongingTo}).
	 */
	public HistoryPage page(long id, Long before, HistoryFields record, HistoryFields... parts) {
		List<Source> sources = new ArrayList<>();
		sources.add(new Source(0, record, id));
		for (int i = 0; i < parts.length; i++) {
			sources.add(new Source(i + 1, parts[i], id));
		}
		List<Row> rows = new ArrayList<>();
		for (Source source : sources) {
			rows.addAll(source.fetch(before));
		}
		rows.sort(Comparator.comparingLong(Row::revision)
			.reversed()
			.thenComparingInt((Row row) -> row.source.order)
			.thenComparing((Row row) -> row.id, Comparator.reverseOrder()));
		// Rows past the page belong to revisions older than the first revision not shown; a revision
		// cut in two by the page's end is left whole for the next page.
		List<Row> shown = rows;
		Long older = null;
		if (rows.size() > PAGE_SIZE) {
			long cut = rows.get(PAGE_SIZE).revision();
			shown = rows.subList(0, PAGE_SIZE).stream().filter(row -> row.revision() > cut).toList();
			if (shown.isEmpty()) {
				shown = rows.stream().filter(row -> row.revision() == cut).toList();
				older = cut;
			}
			else {
				older = cut + 1;
			}
		}
		for (Source source : sources) {
			source.prepare(shown);
		}
		Map<Names, Map<Long, String>> names = names(shown);
		Map<Long, Entry> entries = new LinkedHashMap<>();
		for (Row row : shown) {
			Change change = row.source.change(row, names);
			if (change == null) {
				continue;
			}
			Revision revision = row.revision;
			entries
				.computeIfAbsent(revision.getId(),
						rev -> new Entry(rev, revision.getChangedAt(), revision.getAuthorName(),
								revision.getAuthorEmail(), new ArrayList<>()))
				.changes()
				.add(change);
		}
		Source main = sources.get(0);
		boolean beforeHistory = older == null && !main.created;
		return new HistoryPage(List.copyOf(entries.values()), older, before == null, beforeHistory);
	}

	/** Looks up, per kind of name, every id the shown rows (and those they are compared with) refer to. */
	private Map<Names, Map<Long, String>> names(List<Row> shown) {
		Map<Names, Set<Long>> wanted = new HashMap<>();
		for (Row row : shown) {
			for (Field field : row.source.fields.fields()) {
				if (field.kind() != Kind.REFERENCE) {
					continue;
				}
				Set<Long> ids = wanted.computeIfAbsent(new Names(field.names()), n -> new HashSet<>());
				for (Object value : row.source.values(row, field)) {
					collectIds(value, ids);
				}
			}
		}
		Map<Names, Map<Long, String>> names = new HashMap<>();
		wanted.forEach((lookup, ids) -> names.put(lookup, ids.isEmpty() ? Map.of() : lookup.names.of(ids)));
		return names;
	}

	private static void collectIds(Object value, Set<Long> ids) {
		if (value instanceof Collection<?> collection) {
			collection.forEach(element -> collectIds(element, ids));
		}
		else if (value instanceof Number number) {
			ids.add(number.longValue());
		}
	}

	/** A lookup of names, as a map key: two fields with the same lookup share one query. */
	private record Names(HistoryFields.Names names) {
	}

	/** One audited row: a snapshot of a record (or part) as a revision left it. */
	private static final class Row {

		final Source source;

		final Object entity;

		final Revision revision;

		final RevisionType type;

		final Long id;

		/** The same record's row before this one, once looked for; {@code null} if it has none. */
		Row previous;

		Row(Source source, Object entity, Revision revision, RevisionType type, Long id) {
			this.source = source;
			this.entity = entity;
			this.revision = revision;
			this.type = type;
			this.id = id;
		}

		long revision() {
			return revision.getId();
		}

		At at() {
			return new At(id, revision());
		}

	}

	/** A record at a revision. */
	private record At(long id, long revision) {
	}

	/** The elements a revision added to a collection, and those it removed. */
	private record Elements(List<Object> added, List<Object> removed) {
	}

	/** Where a history's rows come from: the record itself, or its parts of one kind. */
	private final class Source {

		final int order;

		final HistoryFields fields;

		final long ownerId;

		final EntityPersister persister;

		final PersistenceUnitUtil ids;

		final List<Row> fetched = new ArrayList<>();

		/** What each collection field gained and lost, by record and revision. */
		final Map<String, Map<At, Elements>> collectionChanges = new HashMap<>();

		boolean exhausted;

		/** Whether the record's creation is among the rows read (the main record only). */
		boolean created;

		Source(int order, HistoryFields fields, long ownerId) {
			this.order = order;
			this.fields = fields;
			this.ownerId = ownerId;
			this.persister = entityManager.getEntityManagerFactory()
				.unwrap(SessionFactoryImplementor.class)
				.getMappingMetamodel()
				.getEntityDescriptor(fields.type());
			this.ids = entityManager.getEntityManagerFactory().getPersistenceUnitUtil();
		}

		/** The newest rows before revision {@code before}: one more than a page, to know whether more follow. */
		List<Row> fetch(Long before) {
			AuditQuery query = query().add(fields.relation() == null ? AuditEntity.id().eq(ownerId)
					: AuditEntity.relatedId(fields.relation()).eq(ownerId));
			if (before != null) {
				query.add(AuditEntity.revisionNumber().lt(before));
			}
			query.setMaxResults(PAGE_SIZE + 1);
			fetched.addAll(rows(query));
			exhausted = fetched.size() <= PAGE_SIZE;
			created = exhausted && !fetched.isEmpty() && fetched.get(fetched.size() - 1).type == RevisionType.ADD;
			return fetched;
		}

		/**
		 * Finds, for each shown row of this source, the same record's row before it: among the rows
		 * read when it is there (always for a single record, whose rows come in order), else by one
		 * query for all those missing. Then reads what the shown rows' collections gained and lost.
		 */
		void prepare(List<Row> shown) {
			List<Row> mine = shown.stream().filter(row -> row.source == this).toList();
			if (mine.isEmpty()) {
				return;
			}
			List<Row> missing = new ArrayList<>();
			for (Row row : mine) {
				row.previous = previousAmong(row, fetched);
				if (row.previous == null && row.type != RevisionType.ADD && !exhausted) {
					missing.add(row);
				}
			}
			if (!missing.isEmpty()) {
				List<Long> missingIds = missing.stream().map(row -> row.id).distinct().toList();
				long newest = missing.stream().mapToLong(Row::revision).max().orElseThrow();
				List<Row> earlier = rows(query().add(AuditEntity.id().in(missingIds))
					.add(AuditEntity.revisionNumber().lt(newest)));
				missing.forEach(row -> row.previous = previousAmong(row, earlier));
			}
			readCollectionChanges(mine);
		}

		private Row previousAmong(Row row, List<Row> rows) {
			Row previous = null;
			for (Row other : rows) {
				if (other.id.equals(row.id) && other.revision() < row.revision()
						&& (previous == null || other.revision() > previous.revision())) {
					previous = other;
				}
			}
			return previous;
		}

		private AuditQuery query() {
			return AuditReaderFactory.get(entityManager)
				.createQuery()
				.forRevisionsOfEntity(fields.type(), false, true)
				.addOrder(AuditEntity.revisionNumber().desc())
				.addOrder(AuditEntity.id().desc());
		}

		private List<Row> rows(AuditQuery query) {
			List<Row> rows = new ArrayList<>();
			for (Object result : query.getResultList()) {
				Object[] row = (Object[]) result;
				rows.add(new Row(this, row[0], (Revision) row[1], (RevisionType) row[2],
						((Number) ids.getIdentifier(row[0])).longValue()));
			}
			return rows;
		}

		/** One query per collection field: the elements added and removed in the shown rows' revisions. */
		private void readCollectionChanges(List<Row> rows) {
			Long[] recordIds = rows.stream().map(row -> row.id).distinct().toArray(Long[]::new);
			Long[] revisions = rows.stream().map(Row::revision).distinct().toArray(Long[]::new);
			for (Field field : fields.fields()) {
				if (!(persister.findAttributeMapping(field.property()) instanceof PluralAttributeMapping plural)) {
					continue;
				}
				AbstractCollectionPersister collection = (AbstractCollectionPersister) plural.getCollectionDescriptor();
				String sql = "select %s, %s, %s, %s from %s where %1$s = any(:ids) and %2$s = any(:revisions)".formatted(
						collection.getKeyColumnNames()[0], setting("revision_field_name", "REV"),
						setting("revision_type_field_name", "REVTYPE"), collection.getElementColumnNames()[0],
						collection.getTableName() + setting("audit_table_suffix", "_AUD"));
				Map<At, Elements> changes = new HashMap<>();
				jdbc.sql(sql).param("ids", recordIds).param("revisions", revisions).query(rs -> {
					Elements elements = changes.computeIfAbsent(new At(rs.getLong(1), rs.getLong(2)),
							at -> new Elements(new ArrayList<>(), new ArrayList<>()));
					(rs.getInt(3) == RevisionType.DEL.getRepresentation() ? elements.removed() : elements.added())
						.add(rs.getObject(4));
				});
				collectionChanges.put(field.property(), changes);
			}
		}

		/** The values of {@code field} that a row's change may show (both sides, for a lookup of names). */
		List<Object> values(Row row, Field field) {
			Map<At, Elements> changes = collectionChanges.get(field.property());
			if (changes != null) {
				Elements elements = changes.get(row.at());
				return elements == null ? List.of() : List.of(elements.added(), elements.removed());
			}
			List<Object> values = new ArrayList<>();
			values.add(value(row, field));
			if (row.previous != null) {
				values.add(value(row.previous, field));
			}
			return values;
		}

		private Object value(Row row, Field field) {
			Object value = persister.getPropertyValue(row.entity, field.property());
			if (value != null && field.kind() == Kind.REFERENCE && !(value instanceof Number)) {
				return ids.getIdentifier(value); // an association: its id, without loading it
			}
			return value;
		}

		/** What the row's revision did, field by field; {@code null} when nothing shown changed. */
		Change change(Row row, Map<Names, Map<Long, String>> names) {
			HistoryPage.Kind kind = switch (row.type) {
				case ADD -> HistoryPage.Kind.CREATED;
				case MOD -> HistoryPage.Kind.CHANGED;
				case DEL -> HistoryPage.Kind.DELETED;
			};
			boolean unknownBefore = kind == HistoryPage.Kind.CHANGED && row.previous == null;
			List<FieldChange> changes = new ArrayList<>();
			for (Field field : fields.fields()) {
				Map<At, Elements> collections = collectionChanges.get(field.property());
				if (collections != null) {
					Elements elements = collections.get(row.at());
					if (elements != null) {
						changes.add(new FieldChange(message(field.label()), null, null, false,
								show(field, elements.added(), names), show(field, elements.removed(), names)));
					}
					continue;
				}
				Object after = value(row, field);
				Object before = row.previous == null ? null : value(row.previous, field);
				FieldChange change = switch (kind) {
					case CREATED -> after == null ? null : single(field, null, after, names);
					case DELETED -> after == null ? null : single(field, after, null, names);
					case CHANGED -> unknownBefore || same(before, after) ? null : single(field, before, after, names);
				};
				if (change != null) {
					changes.add(change);
				}
			}
			if (changes.isEmpty() && kind == HistoryPage.Kind.CHANGED && !unknownBefore) {
				return null;
			}
			return new Change(subject(row), kind, unknownBefore, changes);
		}

		private String subject(Row row) {
			if (fields.subjectLabel() == null) {
				return null;
			}
			return message(fields.subjectLabel(), text(persister.getPropertyValue(row.entity, fields.subjectProperty())));
		}

		private FieldChange single(Field field, Object before, Object after, Map<Names, Map<Long, String>> names) {
			if (field.kind() == Kind.LONG_TEXT && (Excerpt.isLong((String) before) || Excerpt.isLong((String) after))) {
				if (before == null || after == null) {
					return new FieldChange(message(field.label()), Excerpt.start((String) before),
							Excerpt.start((String) after), true, null, null);
				}
				String[] excerpts = Excerpt.changed((String) before, (String) after);
				return new FieldChange(message(field.label()), excerpts[0], excerpts[1], true, null, null);
			}
			return new FieldChange(message(field.label()), show(field, before, names), show(field, after, names), false,
					null, null);
		}

		private List<String> show(Field field, List<Object> values, Map<Names, Map<Long, String>> names) {
			return values.stream().map(value -> show(field, value, names)).sorted().toList();
		}

		private String show(Field field, Object value, Map<Names, Map<Long, String>> names) {
			if (value == null) {
				return null;
			}
			return switch (field.kind()) {
				case CHOICE -> {
					String name = value instanceof Enum<?> constant ? constant.name() : value.toString();
					yield messages.getMessage(field.prefix() + name, null, name, locale());
				}
				case REFERENCE -> {
					long id = ((Number) value).longValue();
					String name = names.getOrDefault(new Names(field.names()), Map.of()).get(id);
					yield name != null ? name : message("history.gone", formats.number(id));
				}
				default -> text(value);
			};
		}

	}

	private static boolean same(Object before, Object after) {
		if (before instanceof BigDecimal a && after instanceof BigDecimal b) {
			return a.compareTo(b) == 0;
		}
		return Objects.equals(before, after);
	}

	/** A value as the user reads it. */
	private String text(Object value) {
		if (value == null || value instanceof String) {
			return (String) value;
		}
		if (value instanceof LocalDate date) {
			return formats.date(date);
		}
		if (value instanceof Instant instant) {
			return formats.dateTime(instant);
		}
		if (value instanceof BigDecimal decimal) {
			return formats.metric(decimal);
		}
		if (value instanceof Number number) {
			return formats.number(number);
		}
		if (value instanceof Boolean flag) {
			return message(flag ? "history.yes" : "history.no");
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		return value.toString();
	}

	/**
	 * An Envers setting ({@code org.hibernate.envers.<name>}, see application.properties), or its
	 * default.
	 */
	private String setting(String name, String fallback) {
		Object value = entityManager.getEntityManagerFactory().getProperties().get("org.hibernate.envers." + name);
		return value == null ? fallback : value.toString();
	}

	private String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
