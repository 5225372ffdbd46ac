package org.waterhole.casestudy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.shared.SqlArray;

/**
 * The education reach kept per department and day ({@code department_reach_day}): the people who
 * read a case study in the department in the {@value #DAYS} days up to the day, named and folded
 * readings alike, so that no page counts distinct readers. Folding changes nothing here; a reading
 * adds its reader to the days its {@value #DAYS} days reach that none of their other readings in
 * the department already covers.
 */
@Component
public class ReachDays {

	/** The days a reach counts, up to and including the day asked for. */
	public static final int DAYS = 90;

	/**
	 * Adds the reader of one new reading ({@code :reading}, on {@code :day}) to the days from
	 * {@code :day} on that their other readings in the department leave out: none if they already
	 * read there that day (from {@code :dayStart} until {@code :dayEnd}); from the end of their
	 * previous day's {@value #DAYS} days; until their next day there (a reading recorded out of
	 * order). Each of the three questions is one probe of the readings by reader and department.
	 */
	private static final String ADD = """
			with other as (
			  select exists (select 1 from case_study_reading r
			                 where r.person_id = :person and r.department_id = :department
			                   and r.read_at >= :dayStart and r.read_at < :dayEnd and r.id <> :reading) as same,
			    (select (max(r.read_at) at time zone :zone)::date from case_study_reading r
			     where r.person_id = :person and r.department_id = :department and r.read_at < :dayStart) as previous,
			    (select (min(r.read_at) at time zone :zone)::date from case_study_reading r
			     where r.person_id = :person and r.department_id = :department and r.read_at >= :dayEnd) as next)
			insert into department_reach_day (department_id, day, readers)
			select :department, g.day::date, 1
			from other o
			cross join lateral generate_series(greatest(cast(:day as date), o.previous + %1$d)::timestamp,
			                                   least(cast(:day as date) + %2$d, o.next - 1)::timestamp,
			                                   interval '1 day') as g(day)
			where not o.same
			on conflict (department_id, day) do update set readers = department_reach_day.readers + 1
			""".formatted(DAYS, DAYS - 1);

	/**
	 * The whole summary counted again from the readings, named and folded: each person-day stands
	 * for the days from itself to the day before the person's next day in the department, at most
	 * {@value #DAYS}. For data loaded in bulk (demo data, generated data sets).
	 */
	private static final String COUNTED = """
			with person_days as (
			  select distinct department_id, person_id, (read_at at time zone :zone)::date as day
			  from case_study_reading where department_id is not null),
			spans as (
			  select department_id, day, lead(day) over (partition by person_id, department_id order by day) as next_day,
			    1 as readers
			  from person_days
			  union all
			  select department_id, day, next_day, readers from reading_day_count where department_id is not null),
			changes as (
			  select department_id, day, sum(change) as change from (
			    select department_id, day, readers as change from spans
			    union all
			    select department_id, least(day + %1$d, coalesce(next_day, day + %1$d)), -readers from spans) c
			  group by department_id, day),
			running as (
			  select department_id, day, lead(day) over (partition by department_id order by day) as until,
			    sum(change) over (partition by department_id order by day) as readers
			  from changes)
			select department_id, g.day::date, readers
			from running cross join lateral generate_series(running.day::timestamp, (running.until - 1)::timestamp,
			                                                interval '1 day') as g(day)
			where readers > 0
			""".formatted(DAYS);

	private static final String KEPT = "select department_id, day, readers from department_reach_day";

	private final JdbcClient jdbc;

	private final Clock clock;

	ReachDays(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Counts the reader of a reading just recorded, in the transaction that recorded it. */
	void add(long readingId, long personId, long departmentId, LocalDate day) {
		jdbc.sql(ADD)
			.param("reading", readingId)
			.param("person", personId)
			.param("department", departmentId)
			.param("day", day)
			.param("dayStart", day.atStartOfDay(clock.getZone()).toOffsetDateTime())
			.param("dayEnd", day.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime())
			.param("zone", clock.getZone().getId())
			.update();
	}

	/** Readers per department in the {@value #DAYS} days up to {@code day}; departments without any left out. */
	Map<Long, Long> on(LocalDate day) {
		Map<Long, Long> readers = new HashMap<>();
		jdbc.sql("select department_id, readers from department_reach_day where day = :day")
			.param("day", day)
			.query((rs, n) -> readers.put(rs.getLong("department_id"), rs.getLong("readers")))
			.list();
		return readers;
	}

	/** Every day's readers of the departments as kept, by department and day. */
	Map<Long, Map<LocalDate, Long>> kept(Collection<Long> departmentIds) {
		return byDepartment(KEPT + " where department_id = any(cast(:ids as bigint[]))", departmentIds);
	}

	/** Every day's readers of the departments counted afresh from the readings, named and folded. */
	Map<Long, Map<LocalDate, Long>> counted(Collection<Long> departmentIds) {
		return byDepartment("select * from (" + COUNTED + ") counted where department_id = any(cast(:ids as bigint[]))",
				departmentIds);
	}

	private Map<Long, Map<LocalDate, Long>> byDepartment(String sql, Collection<Long> departmentIds) {
		Map<Long, Map<LocalDate, Long>> readers = new TreeMap<>();
		jdbc.sql(sql)
			.param("ids", SqlArray.of(departmentIds))
			.param("zone", clock.getZone().getId())
			.query((rs, n) -> readers.computeIfAbsent(rs.getLong("department_id"), k -> new TreeMap<>())
				.put(rs.getObject("day", LocalDate.class), rs.getLong("readers")))
			.list();
		return readers;
	}

	/** Counts the summary again from the readings, in one transaction: after readings were written in bulk. */
	@Transactional
	public void recount() {
		recount(jdbc, clock.getZone());
	}

	/** Counts the summary again from the readings, days where {@code zone} is: for a bulk load without the application. */
	public static void recount(JdbcClient jdbc, ZoneId zone) {
		jdbc.sql("delete from department_reach_day").update();
		jdbc.sql("insert into department_reach_day (department_id, day, readers) " + COUNTED)
			.param("zone", zone.getId())
			.update();
	}

}
