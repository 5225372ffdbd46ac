package org.waterhole.adoption;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waterhole.shared.SqlArray;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline narrowed to departments, a department's latest events and its open objections read
 * the index of events by department; they list exactly the events whose departments include one of
 * those asked for (with the case studies relevant to everyone), as a query of the events
 * themselves does.
 */
@WaterholeTest
class TimelineDepartmentsTests {

	@Autowired
	Timeline timeline;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestData data;

	@Test
	void every_event_inserted_is_indexed_once_per_department_it_concerns() {
		long first = data.department();
		long second = data.department();
		long both = insert("MILESTONE", LocalDate.of(2026, 3, 1), first, second, first);
		long everyone = insert("CASE_STUDY_PUBLISHED", LocalDate.of(2026, 3, 2));

		assertThat(indexed(both)).containsExactly(first, second);
		assertThat(indexed(everyone)).isEmpty();
		assertThat(jdbc.sql("""
				select count(*) from adoption_event e
				where (select count(distinct d) from unnest(e.department_ids) d)
				      <> (select count(*) from adoption_event_department x where x.event_id = e.id)
				""").query(Long.class).single()).as("events indexed other than once per department").isZero();
	}

	@Test
	void narrowed_to_departments_kinds_and_dates_it_lists_what_the_events_themselves_say() {
		long first = data.department();
		long second = data.department();
		long other = data.department();
		insert("MILESTONE", LocalDate.of(2025, 12, 30), first);
		insert("OBJECTION", LocalDate.of(2026, 1, 5), first, second);
		insert("NOTE", LocalDate.of(2026, 1, 6), second);
		insert("NOTE", LocalDate.of(2026, 1, 7), other);
		insert("CASE_STUDY_PUBLISHED", LocalDate.of(2026, 1, 8));
		insert("CASE_STUDY_PUBLISHED", LocalDate.of(2026, 1, 9), other);
		insert("MILESTONE", LocalDate.of(2026, 2, 1), first, other);

		for (TimelineFilter filter : List.of(filter(List.of(first), null, null, List.of()),
				filter(List.of(first, second), null, null, List.of()),
				filter(List.of(first, second), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), List.of()),
				filter(List.of(second, other), null, LocalDate.of(2026, 1, 8), List.of("NOTE", "CASE_STUDY_PUBLISHED")))) {
			List<Long> listed = timeline.page(filter, PageRequest.of(0, 1_000)).map(TimelineEntry::id).getContent();
			assertThat(listed).as("the timeline of %s", filter.departments()).isNotEmpty().isEqualTo(expected(filter));
			for (int size : List.of(1, 2)) {
				assertThat(timeline.page(filter, PageRequest.of(1, size)).map(TimelineEntry::id).getContent())
					.as("page 1 of %d", size)
					.isEqualTo(listed.subList(Math.min(size, listed.size()), Math.min(2 * size, listed.size())));
				assertThat(timeline.page(filter, PageRequest.of(0, size)).getTotalElements()).isEqualTo(listed.size());
			}
		}
	}

	@Test
	void a_departments_latest_events_and_open_objections_are_what_the_events_themselves_say() {
		long department = data.department();
		long other = data.department();
		long answered = insert("OBJECTION", LocalDate.of(2026, 1, 5), department);
		insert("CASE_STUDY_PUBLISHED", LocalDate.of(2026, 1, 8));
		long shared = insert("OBJECTION", LocalDate.of(2026, 1, 10), other, department);
		insert("OBJECTION", LocalDate.of(2026, 1, 11), other);
		long answer = answer(answered, LocalDate.of(2026, 1, 20));
		long latest = insert("OBJECTION", LocalDate.of(2026, 2, 1), department);

		for (int limit : List.of(1, 2, 4)) {
			assertThat(timeline.recent(department, limit)).extracting(TimelineEntry::id)
				.as("the latest %d", limit)
				.isEqualTo(latest(department, limit));
		}
		assertThat(timeline.recent(department, 1_000)).extracting(TimelineEntry::id)
			.contains(answer, answered, shared, latest)
			.isEqualTo(latest(department, 1_000));
		assertThat(timeline.openObjections(department, 10)).extracting(TimelineEntry::id).containsExactly(latest, shared);
		assertThat(timeline.openObjections(department, 1)).extracting(TimelineEntry::id).containsExactly(latest);
		assertThat(timeline.openObjections(department, LocalDate.of(2026, 1, 15), 10)).extracting(TimelineEntry::id)
			.as("open on 15 January: the answer came later")
			.containsExactly(shared, answered);
		assertThat(timeline.openObjections(department, LocalDate.of(2026, 1, 25), 10)).extracting(TimelineEntry::id)
			.containsExactly(shared);
	}

	/** A department's latest events, with the case studies relevant to everyone, asked of the events themselves. */
	private List<Long> latest(long department, int limit) {
		return jdbc.sql("""
				select id from adoption_event e
				where :department = any(e.department_ids)
				   or (e.kind = 'CASE_STUDY_PUBLISHED' and cardinality(e.department_ids) = 0)
				order by e.occurred_on desc, e.id desc limit :limit
				""").param("department", department).param("limit", limit).query(Long.class).list();
	}

	/** A note answering the objection, concerning the objection's departments. */
	private long answer(long objection, LocalDate on) {
		return jdbc.sql("""
				insert into adoption_event (occurred_on, kind, department_ids, title, answers_id)
				select :on, 'NOTE', department_ids, 'An answer', id from adoption_event where id = :objection
				returning id
				""").param("on", on).param("objection", objection).query(Long.class).single();
	}

	private static TimelineFilter filter(List<Long> departments, LocalDate from, LocalDate to, List<String> kinds) {
		TimelineFilter filter = new TimelineFilter();
		filter.setDepartment(departments);
		filter.setFrom(from);
		filter.setTo(to);
		filter.setKind(kinds);
		return filter;
	}

	/** The events the filter lets through, asked of the events themselves, newest first. */
	private List<Long> expected(TimelineFilter filter) {
		return jdbc.sql("""
				select id from adoption_event e
				where (e.department_ids && cast(:departments as bigint[])
				       or (e.kind = 'CASE_STUDY_PUBLISHED' and cardinality(e.department_ids) = 0))
				  and (cast(:from as date) is null or e.occurred_on >= :from)
				  and (cast(:to as date) is null or e.occurred_on <= :to)
				  and (cardinality(cast(:kinds as text[])) = 0 or e.kind = any(cast(:kinds as text[])))
				order by e.occurred_on desc, e.id desc
				""")
			.param("departments", SqlArray.of(filter.departments()))
			.param("from", filter.fromDate(), java.sql.Types.DATE)
			.param("to", filter.toDate(), java.sql.Types.DATE)
			.param("kinds", SqlArray.of(filter.kinds()))
			.query(Long.class)
			.list();
	}

	private long insert(String kind, LocalDate on, Long... departments) {
		return jdbc.sql("""
				insert into adoption_event (occurred_on, kind, department_ids, title, objection_category)
				values (:on, :kind, cast(:departments as bigint[]), 'An event', :category) returning id
				""")
			.param("on", on)
			.param("kind", kind)
			.param("departments", SqlArray.of(List.of(departments)))
			.param("category", kind.equals("OBJECTION") ? "TIME" : null, java.sql.Types.VARCHAR)
			.query(Long.class)
			.single();
	}

	private List<Long> indexed(long event) {
		return jdbc.sql("select department_id from adoption_event_department where event_id = :id order by department_id")
			.param("id", event)
			.query(Long.class)
			.list();
	}

}
