package org.waterhole.adoption;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.casestudy.Readings;
import org.waterhole.organization.DepartmentService;

/**
 * The managers' dashboard: where the departments stand and how that changed, for a date range
 * and some or all departments. Every number is counted by PostgreSQL; nothing is loaded to be
 * counted here.
 */
@Service
@Transactional(readOnly = true)
public class Dashboard {

	/** A department with fewer people than this shows no reach figure: it would point at a person. */
	public static final int PRIVACY_FLOOR = 5;

	/** Below adopting and without a stage change for this many days, a department is stalled. */
	public static final int STALLED_DAYS = 180;

	/** Reach counts the readers of this many days, up to the end of the range. */
	public static final int REACH_DAYS = 90;

	private static final int RECENT = 10;

	private final JdbcClient jdbc;

	private final DepartmentService departments;

	private final Readings readings;

	private final Clock clock;

	Dashboard(JdbcClient jdbc, DepartmentService departments, Readings readings, Clock clock) {
		this.jdbc = jdbc;
		this.departments = departments;
		this.readings = readings;
		this.clock = clock;
	}

	public DashboardView view(DashboardFilter filter) {
		LocalDate today = LocalDate.now(clock);
		LocalDate end = filter.end(today);
		LocalDate start = filter.start(today);
		Map<Long, String> names = new LinkedHashMap<>();
		departments.options().forEach(option -> names.put(option.getId(), option.getName()));
		Map<Long, String> chosen = chosen(filter, names);
		String ids = BigintArray.of(chosen.keySet());

		List<MonthRow> months = months(ids, start, end);
		Map<Stage, Long> now = months.isEmpty() ? new EnumMap<>(Stage.class) : months.get(months.size() - 1).counts();
		return new DashboardView(start, end, List.copyOf(chosen.values()), now, months, experiments(ids, start, end),
				coverage(chosen), reach(chosen, end), stalled(chosen, end), recent(ids, start, end, EventKind.MILESTONE, names),
				recent(ids, start, end, EventKind.OBJECTION, names));
	}

	/** The departments asked for, or all, by id with their names, in name order. */
	private static Map<Long, String> chosen(DashboardFilter filter, Map<Long, String> names) {
		Map<Long, String> chosen = new LinkedHashMap<>();
		names.forEach((id, name) -> {
			if (filter.departments().isEmpty() || filter.departments().contains(id)) {
				chosen.put(id, name);
			}
		});
		return chosen;
	}

	/**
	 * For each month of the range, how many departments were at each stage at its end (the end
	 * of the range for the last month); departments that never moved are unaware.
	 */
	private List<MonthRow> months(String ids, LocalDate start, LocalDate end) {
		Map<LocalDate, Map<Stage, Long>> byMonth = new TreeMap<>();
		jdbc.sql("""
				with months as (
				  select least((date_trunc('month', m) + interval '1 month - 1 day')::date, cast(:end as date)) as day
				  from generate_series(date_trunc('month', cast(:start as date)), date_trunc('month', cast(:end as date)),
				                       interval '1 month') m),
				departments as (select unnest(cast(:ids as bigint[])) as id)
				select months.day, coalesce(latest.to_stage, 'UNAWARE') as stage, count(*) as departments
				from months cross join departments
				left join lateral (
				  select e.to_stage from adoption_event e
				  where e.kind = 'STAGE_CHANGE' and e.department_ids[1] = departments.id and e.occurred_on <= months.day
				  order by e.occurred_on desc, e.id desc limit 1) latest on true
				group by months.day, coalesce(latest.to_stage, 'UNAWARE')
				""")
			.param("start", start)
			.param("end", end)
			.param("ids", ids)
			.query((rs, n) -> byMonth.computeIfAbsent(rs.getObject("day", LocalDate.class), d -> zero())
				.put(Stage.valueOf(rs.getString("stage")), rs.getLong("departments")))
			.list();
		List<MonthRow> rows = new ArrayList<>();
		byMonth.forEach((day, counts) -> rows.add(new MonthRow(day, counts, index(counts))));
		return rows;
	}

	private ExperimentFigures experiments(String ids, LocalDate start, LocalDate end) {
		return jdbc.sql("""
				select
				  (select count(*) from adoption_event s
				   where s.kind = 'EXPERIMENT_STARTED' and s.occurred_on <= :end and s.department_ids && cast(:ids as bigint[])
				     and not exists (select 1 from adoption_event c
				                     where c.subject_id = s.subject_id
				                       and c.kind in ('EXPERIMENT_COMPLETED', 'EXPERIMENT_ABANDONED')
				                       and c.occurred_on <= :end)) as running,
				  count(*) filter (where e.kind = 'EXPERIMENT_COMPLETED') as completed,
				  count(*) filter (where e.kind = 'EXPERIMENT_COMPLETED' and e.outcome = 'SUCCEEDED') as succeeded
				from adoption_event e
				where e.kind = 'EXPERIMENT_COMPLETED' and e.occurred_on between :start and :end and e.department_ids && cast(:ids as bigint[])
				""")
			.param("start", start)
			.param("end", end)
			.param("ids", ids)
			.query((rs, n) -> new ExperimentFigures(rs.getLong("running"), rs.getLong("completed"),
					rs.getLong("succeeded")))
			.single();
	}

	/** Which of the departments have an active champion now. */
	private Coverage coverage(Map<Long, String> chosen) {
		List<Long> covered = jdbc.sql("""
				select distinct department_id from adoption_champion
				where active and department_id = any(cast(:ids as bigint[]))
				""").param("ids", BigintArray.of(chosen.keySet())).query(Long.class).list();
		List<String> uncovered = chosen.entrySet()
			.stream()
			.filter(e -> !covered.contains(e.getKey()))
			.map(Map.Entry::getValue)
			.toList();
		return new Coverage(covered.size(), chosen.size(), uncovered);
	}

	/**
	 * Per department, the share of its people who read a case study in the {@value #REACH_DAYS}
	 * days up to {@code end}; hidden below {@value #PRIVACY_FLOOR} people.
	 */
	private List<ReachRow> reach(Map<Long, String> chosen, LocalDate end) {
		Map<Long, Long> readers = readings.readersByDepartment(end.minusDays(REACH_DAYS - 1), end);
		Map<Long, Long> people = departments.peopleCounts();
		List<ReachRow> rows = new ArrayList<>();
		chosen.forEach((id, name) -> {
			long headcount = people.getOrDefault(id, 0L);
			long read = Math.min(readers.getOrDefault(id, 0L), headcount);
			boolean hidden = headcount < PRIVACY_FLOOR;
			rows.add(new ReachRow(id, name, hidden ? null : read, hidden ? null : headcount,
					hidden || headcount == 0 ? null : Math.round(100.0 * read / headcount)));
		});
		return rows;
	}

	/**
	 * Departments below adopting whose stage hasn't changed for {@value #STALLED_DAYS} days or
	 * more on {@code end} (also those that never moved), the longest stuck first.
	 */
	private List<StalledRow> stalled(Map<Long, String> chosen, LocalDate end) {
		LocalDate limit = end.minusDays(STALLED_DAYS);
		Map<Long, StalledRow> latest = new LinkedHashMap<>();
		jdbc.sql("""
				select distinct on (department_ids[1]) department_ids[1] as department_id, to_stage, occurred_on
				from adoption_event
				where kind = 'STAGE_CHANGE' and occurred_on <= :end and department_ids[1] = any(cast(:ids as bigint[]))
				order by department_ids[1], occurred_on desc, id desc
				""")
			.param("end", end)
			.param("ids", BigintArray.of(chosen.keySet()))
			.query((rs, n) -> latest.put(rs.getLong("department_id"),
					new StalledRow(rs.getLong("department_id"), chosen.get(rs.getLong("department_id")),
							Stage.valueOf(rs.getString("to_stage")), rs.getObject("occurred_on", LocalDate.class))))
			.list();
		List<StalledRow> stalled = new ArrayList<>();
		chosen.forEach((id, name) -> {
			StalledRow row = latest.getOrDefault(id, new StalledRow(id, name, Stage.UNAWARE, null));
			if (row.stage().compareTo(Stage.ADOPTING) < 0 && (row.since() == null || !row.since().isAfter(limit))) {
				stalled.add(row);
			}
		});
		stalled.sort(java.util.Comparator.comparing(StalledRow::since,
				java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
		return stalled;
	}

	private List<TimelineEntry> recent(String ids, LocalDate start, LocalDate end, EventKind kind,
			Map<Long, String> names) {
		return jdbc.sql(Timeline.ENTRIES + """
				where e.kind = :kind and e.occurred_on between :start and :end and e.department_ids && cast(:ids as bigint[])
				order by e.occurred_on desc, e.id desc limit :limit
				""")
			.param("kind", kind.name())
			.param("start", start)
			.param("end", end)
			.param("ids", ids)
			.param("limit", RECENT)
			.query((rs, n) -> Timeline.entry(rs, names))
			.list();
	}

	private static Map<Stage, Long> zero() {
		Map<Stage, Long> counts = new EnumMap<>(Stage.class);
		for (Stage stage : Stage.values()) {
			counts.put(stage, 0L);
		}
		return counts;
	}

	/** The mean stage (0 to 5) of the counted departments, to two decimals; 0 with none. */
	static BigDecimal index(Map<Stage, Long> counts) {
		long departments = counts.values().stream().mapToLong(Long::longValue).sum();
		if (departments == 0) {
			return BigDecimal.ZERO;
		}
		long levels = counts.entrySet().stream().mapToLong(e -> e.getKey().level() * e.getValue()).sum();
		return BigDecimal.valueOf(levels).divide(BigDecimal.valueOf(departments), 2, RoundingMode.HALF_UP);
	}

	/** The stages at the end of one month of the range, and the adoption index then. */
	public record MonthRow(LocalDate day, Map<Stage, Long> counts, BigDecimal index) {
	}

	/** Experiments running at the end of the range, and completed (and succeeded) within it. */
	public record ExperimentFigures(long running, long completed, long succeeded) {

		/** Succeeded ÷ completed in percent, or {@code null} when none completed. */
		public Long successRate() {
			return completed == 0 ? null : Math.round(100.0 * succeeded / completed);
		}

	}

	/** How many of the departments have an active champion, and which have none. */
	public record Coverage(long covered, long departments, List<String> uncovered) {

		public long percent() {
			return departments == 0 ? 0 : Math.round(100.0 * covered / departments);
		}

	}

	/** A department's education reach; the figures are null below the privacy floor. */
	public record ReachRow(long departmentId, String departmentName, Long readers, Long people, Long percent) {

		public boolean hidden() {
			return people == null;
		}

	}

	/** A stalled department, at a stage since a day ({@code null}: never moved). */
	public record StalledRow(long departmentId, String departmentName, Stage stage, LocalDate since) {
	}

}
