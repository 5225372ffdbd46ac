package org.waterhole.adoption;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.shared.SqlArray;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;

/**
 * The managers' dashboard: where the departments stand and how that changed, for a date range
 * and some or all departments. Every number is counted by PostgreSQL; nothing is loaded to be
 * counted here. A department counts from the day it is on record, or from its first stage change
 * if that is earlier.
 * <p>
 * A view is kept for a minute ({@value #CACHE} cache, per range, departments and parts): managers
 * open the same view again and again, and a dozen aggregates over the whole history are not
 * worth recounting for each. Recording an adoption event (or a report of the other modules)
 * empties the cache once its transaction commits, so the strategist sees what they recorded.
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

	public static final String CACHE = "dashboard";

	/** The dashboard page's figures as HTML, by the view they show (see {@code DashboardController}). */
	public static final String HTML_CACHE = "dashboardHtml";

	/** The parts of the dashboard, so that an export computes only the one it writes. */
	enum Part {

		STAGES, EXPERIMENTS, COVERAGE, REACH, STALLED, RECENT, OBJECTIONS

	}

	private final JdbcClient jdbc;

	private final DepartmentService departments;

	private final EducationReach reach;

	private final Cache views;

	private final Clock clock;

	Dashboard(JdbcClient jdbc, DepartmentService departments, EducationReach reach, CacheManager caches,
			Clock clock) {
		this.jdbc = jdbc;
		this.departments = departments;
		this.reach = reach;
		this.views = caches.getCache(CACHE);
		this.clock = clock;
	}

	public DashboardView view(DashboardFilter filter) {
		return view(filter, EnumSet.allOf(Part.class));
	}

	DashboardView view(DashboardFilter filter, Set<Part> parts) {
		DashboardFilter.Range range = filter.range(LocalDate.now(clock));
		List<Long> asked = filter.departments().stream().sorted().toList();
		return views.get(new Key(range, asked, Set.copyOf(parts)), () -> view(range, asked, parts));
	}

	/** What a view depends on. */
	private record Key(DashboardFilter.Range range, List<Long> departments, Set<Part> parts) {
	}

	private DashboardView view(DashboardFilter.Range range, List<Long> departmentIds, Set<Part> parts) {
		LocalDate start = range.start();
		LocalDate end = range.end();
		List<String> notices = new ArrayList<>(range.adjusted());
		Map<Long, String> names = new LinkedHashMap<>();
		Map<Long, LocalDate> created = new HashMap<>();
		for (DepartmentOption option : departments.options()) {
			names.put(option.getId(), option.getName());
			created.put(option.getId(), option.getCreatedAt().atZone(clock.getZone()).toLocalDate());
		}
		List<Long> asked = departmentIds.stream().filter(names::containsKey).toList();
		if (asked.size() < departmentIds.size()) {
			notices.add("dashboard.adjusted.unknownDepartments");
		}
		Map<Long, LocalDate> since = since(asked.isEmpty() ? names.keySet() : asked, created);
		// The departments of the view: those asked for (or all) that were there by the end.
		Map<Long, String> chosen = new LinkedHashMap<>();
		names.forEach((id, name) -> {
			if ((asked.isEmpty() || asked.contains(id)) && !since.get(id).isAfter(end)) {
				chosen.put(id, name);
			}
		});

		List<MonthRow> months = List.of();
		MonthRow baseline = null;
		if (parts.contains(Part.STAGES)) {
			List<MonthRow> days = stages(chosen.keySet(), since, days(start, end));
			baseline = days.get(0);
			months = days.subList(1, days.size());
		}
		return new DashboardView(start, end, List.copyOf(chosen.values()), months, baseline,
				parts.contains(Part.EXPERIMENTS) ? experiments(chosen.keySet(), start, end) : null,
				parts.contains(Part.COVERAGE) ? coverage(chosen, end) : null,
				parts.contains(Part.REACH) ? reach(chosen, end) : List.of(),
				parts.contains(Part.STALLED) ? stalled(chosen, since, end) : List.of(),
				parts.contains(Part.RECENT) ? recent(chosen.keySet(), start, end, EventKind.MILESTONE, names) : List.of(),
				parts.contains(Part.RECENT) ? recent(chosen.keySet(), start, end, EventKind.OBJECTION, names) : List.of(),
				parts.contains(Part.OBJECTIONS) ? objections(chosen.keySet(), start, end) : List.of(),
				List.copyOf(notices));
	}

	/** Per department, the day it counts from: on record, or its first stage change if earlier. */
	private Map<Long, LocalDate> since(Collection<Long> ids, Map<Long, LocalDate> created) {
		Map<Long, LocalDate> since = new HashMap<>();
		ids.forEach(id -> since.put(id, created.get(id)));
		jdbc.sql("""
				select department_ids[1] as department_id, min(occurred_on) as first_change from adoption_event
				where kind = 'STAGE_CHANGE' and department_ids[1] = any(cast(:ids as bigint[]))
				group by department_ids[1]
				""").param("ids", SqlArray.of(ids)).query((rs, n) -> {
					long id = rs.getLong("department_id");
					LocalDate first = rs.getObject("first_change", LocalDate.class);
					if (first.isBefore(since.get(id))) {
						since.put(id, first);
					}
					return id;
				}).list();
		return since;
	}

	/** The day before the range, then the end of each of its months (the last one: the end of the range). */
	private static List<LocalDate> days(LocalDate start, LocalDate end) {
		List<LocalDate> days = new ArrayList<>();
		days.add(start.minusDays(1));
		for (LocalDate month = start.withDayOfMonth(1); !month.isAfter(end); month = month.plusMonths(1)) {
			LocalDate last = month.withDayOfMonth(month.lengthOfMonth());
			days.add(last.isAfter(end) ? end : last);
		}
		return days;
	}

	/**
	 * For each day, how many of the departments there by then were at each stage: that of their
	 * latest stage change until the day, unaware if none.
	 */
	private List<MonthRow> stages(Collection<Long> ids, Map<Long, LocalDate> since, List<LocalDate> days) {
		Map<LocalDate, Map<Stage, Long>> byDay = new TreeMap<>();
		days.forEach(day -> byDay.put(day, zero()));
		if (!ids.isEmpty()) {
			jdbc.sql("""
					with days as (select unnest(cast(:days as date[])) as day),
					departments as (select * from unnest(cast(:ids as bigint[]), cast(:since as date[])) as d(id, since))
					select days.day, coalesce(latest.to_stage, 'UNAWARE') as stage, count(*) as departments
					from days join departments on departments.since <= days.day
					left join lateral (
					  select e.to_stage from adoption_event e
					  where e.kind = 'STAGE_CHANGE' and e.department_ids[1] = departments.id and e.occurred_on <= days.day
					  order by e.occurred_on desc, e.id desc limit 1) latest on true
					group by days.day, coalesce(latest.to_stage, 'UNAWARE')
					""")
				.param("days", SqlArray.of(days))
				.param("ids", SqlArray.of(ids))
				.param("since", SqlArray.of(ids.stream().map(since::get).toList()))
				.query((rs, n) -> byDay.get(rs.getObject("day", LocalDate.class))
					.put(Stage.valueOf(rs.getString("stage")), rs.getLong("departments")))
				.list();
		}
		List<MonthRow> rows = new ArrayList<>();
		byDay.forEach((day, counts) -> rows.add(new MonthRow(day, counts, index(counts))));
		return rows;
	}

	/**
	 * Experiments running at the end of the range and completed within it, as the experiments'
	 * latest reports tell their runs.
	 */
	private ExperimentFigures experiments(Collection<Long> ids, LocalDate start, LocalDate end) {
		return jdbc.sql("""
				select
				  count(*) filter (where started_on <= :end and (ended_on is null or ended_on > :end)) as running,
				  count(*) filter (where outcome is not null and ended_on between :start and :end) as completed,
				  count(*) filter (where outcome = 'SUCCEEDED' and ended_on between :start and :end) as succeeded
				from adoption_experiment where department_id = any(cast(:ids as bigint[]))
				""")
			.param("start", start)
			.param("end", end)
			.param("ids", SqlArray.of(ids))
			.query((rs, n) -> new ExperimentFigures(rs.getLong("running"), rs.getLong("completed"),
					rs.getLong("succeeded")))
			.single();
	}

	/**
	 * Which of the departments had an active champion at the end of the range: each champion's
	 * latest report until then says where they were active, if anywhere.
	 */
	private Coverage coverage(Map<Long, String> chosen, LocalDate end) {
		List<Long> covered = jdbc.sql("""
				select distinct latest.champion_department_id from (
				  select distinct on (subject_id) champion_department_id from adoption_event
				  where kind in ('CHAMPION_JOINED', 'CHAMPION_LEFT', 'CHAMPION_MOVED') and occurred_on <= :end
				  order by subject_id, subject_sequence desc, id desc) latest
				where latest.champion_department_id = any(cast(:ids as bigint[]))
				""").param("end", end).param("ids", SqlArray.of(chosen.keySet())).query(Long.class).list();
		List<String> uncovered = chosen.entrySet()
			.stream()
			.filter(e -> !covered.contains(e.getKey()))
			.map(Map.Entry::getValue)
			.toList();
		return new Coverage(covered.size(), chosen.size(), uncovered);
	}

	/**
	 * Per department, the share of its people (as they are now) who read a case study in the
	 * {@value #REACH_DAYS} days up to {@code end}; hidden below {@value #PRIVACY_FLOOR} people.
	 */
	private List<ReachRow> reach(Map<Long, String> chosen, LocalDate end) {
		Map<Long, Long> readers = reach.readersByDepartment(end.minusDays(REACH_DAYS - 1), end);
		Map<Long, Long> people = departments.peopleCounts();
		List<ReachRow> rows = new ArrayList<>();
		chosen.forEach((id, name) -> {
			long headcount = people.getOrDefault(id, 0L);
			long read = readers.getOrDefault(id, 0L);
			boolean hidden = headcount < PRIVACY_FLOOR;
			rows.add(new ReachRow(id, name, hidden ? null : read, hidden ? null : headcount,
					hidden ? null : Math.round(100.0 * read / headcount)));
		});
		return rows;
	}

	/**
	 * Departments below adopting whose stage hasn't changed for {@value #STALLED_DAYS} days or
	 * more on {@code end}; one that never moved counts from the day it is on record. The longest
	 * stuck first.
	 */
	private List<StalledRow> stalled(Map<Long, String> chosen, Map<Long, LocalDate> since, LocalDate end) {
		LocalDate limit = end.minusDays(STALLED_DAYS);
		Map<Long, StalledRow> latest = new LinkedHashMap<>();
		jdbc.sql("""
				select distinct on (department_ids[1]) department_ids[1] as department_id, to_stage, occurred_on
				from adoption_event
				where kind = 'STAGE_CHANGE' and occurred_on <= :end and department_ids[1] = any(cast(:ids as bigint[]))
				order by department_ids[1], occurred_on desc, id desc
				""")
			.param("end", end)
			.param("ids", SqlArray.of(chosen.keySet()))
			.query((rs, n) -> latest.put(rs.getLong("department_id"),
					new StalledRow(rs.getLong("department_id"), chosen.get(rs.getLong("department_id")),
							Stage.valueOf(rs.getString("to_stage")), rs.getObject("occurred_on", LocalDate.class),
							rs.getObject("occurred_on", LocalDate.class))))
			.list();
		List<StalledRow> stalled = new ArrayList<>();
		chosen.forEach((id, name) -> {
			StalledRow row = latest.getOrDefault(id, new StalledRow(id, name, Stage.UNAWARE, null, since.get(id)));
			if (row.stage().compareTo(Stage.ADOPTING) < 0 && !row.stuckSince().isAfter(limit)) {
				stalled.add(row);
			}
		});
		stalled.sort(Comparator.comparing(StalledRow::stuckSince));
		return stalled;
	}

	/**
	 * Per category, the objections of the departments raised in the range: how many were answered
	 * by its end (the first answer counts), with a case study, a champion or an experiment, and how
	 * many were still open then; and those raised earlier still open at its end. Every category,
	 * in order, with zeros where there was none.
	 */
	private List<ObjectionRow> objections(Collection<Long> ids, LocalDate start, LocalDate end) {
		Map<ObjectionCategory, ObjectionRow> rows = new EnumMap<>(ObjectionCategory.class);
		for (ObjectionCategory category : ObjectionCategory.values()) {
			rows.put(category, new ObjectionRow(category, 0, 0, 0, 0, 0, 0));
		}
		jdbc.sql("""
				select o.objection_category as category,
				  count(*) filter (where o.occurred_on >= :start) as raised,
				  count(answer.id) filter (where o.occurred_on >= :start) as answered,
				  count(*) filter (where o.occurred_on >= :start and answer.answered_with = 'CASE_STUDY') as case_study,
				  count(*) filter (where o.occurred_on >= :start and answer.answered_with = 'CHAMPION') as champion,
				  count(*) filter (where o.occurred_on >= :start and answer.answered_with = 'EXPERIMENT') as experiment,
				  count(*) filter (where o.occurred_on < :start and answer.id is null) as open_earlier
				from adoption_event o
				left join lateral (
				  select x.id, x.answered_with from adoption_event x
				  where x.answers_id = o.id and x.occurred_on <= :end
				  order by x.occurred_on, x.id limit 1) answer on true
				where o.kind = 'OBJECTION' and o.occurred_on <= :end
				  and o.department_ids && cast(:ids as bigint[])
				group by o.objection_category
				""")
			.param("start", start)
			.param("end", end)
			.param("ids", SqlArray.of(ids))
			.query((rs, n) -> {
				ObjectionCategory category = ObjectionCategory.valueOf(rs.getString("category"));
				return rows.put(category, new ObjectionRow(category, rs.getLong("raised"), rs.getLong("answered"),
						rs.getLong("case_study"), rs.getLong("champion"), rs.getLong("experiment"),
						rs.getLong("open_earlier")));
			})
			.list();
		return List.copyOf(rows.values());
	}

	private List<TimelineEntry> recent(Collection<Long> ids, LocalDate start, LocalDate end, EventKind kind,
			Map<Long, String> names) {
		return jdbc.sql(Timeline.ENTRIES + """
				where e.kind = :kind and e.occurred_on between :start and :end and e.department_ids && cast(:ids as bigint[])
				order by e.occurred_on desc, e.id desc limit :limit
				""")
			.param("kind", kind.name())
			.param("start", start)
			.param("end", end)
			.param("ids", SqlArray.of(ids))
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
			return BigDecimal.ZERO.setScale(2);
		}
		long levels = counts.entrySet().stream().mapToLong(e -> e.getKey().level() * e.getValue()).sum();
		return BigDecimal.valueOf(levels).divide(BigDecimal.valueOf(departments), 2, RoundingMode.HALF_UP);
	}

	/** The stages at the end of one month of the range (or another day), and the adoption index then. */
	public record MonthRow(LocalDate day, Map<Stage, Long> counts, BigDecimal index) {

		public long departments() {
			return counts.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** Experiments running at the end of the range, and completed (and succeeded) within it. */
	public record ExperimentFigures(long running, long completed, long succeeded) {

		/** Succeeded ÷ completed in percent, or {@code null} when none completed. */
		public Long successRate() {
			return completed == 0 ? null : Math.round(100.0 * succeeded / completed);
		}

	}

	/** How many of the departments had an active champion at the end of the range, and which had none. */
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

	/**
	 * Objections of one category ({@code null}: all of them) raised in the range: how many, how many
	 * were answered by its end, and how many of those with a case study, a champion, an experiment.
	 */
	public record ObjectionRow(ObjectionCategory category, long raised, long answered, long withCaseStudy,
			long withChampion, long withExperiment, long openFromEarlier) {

		/** Still open at the end of the range. */
		public long open() {
			return raised - answered;
		}

		/** The rows added up, as a row of no category. */
		static ObjectionRow total(List<ObjectionRow> rows) {
			return new ObjectionRow(null, sum(rows, ObjectionRow::raised), sum(rows, ObjectionRow::answered),
					sum(rows, ObjectionRow::withCaseStudy), sum(rows, ObjectionRow::withChampion),
					sum(rows, ObjectionRow::withExperiment), sum(rows, ObjectionRow::openFromEarlier));
		}

		private static long sum(List<ObjectionRow> rows, java.util.function.ToLongFunction<ObjectionRow> figure) {
			return rows.stream().mapToLong(figure).sum();
		}

	}

	/**
	 * A stalled department, at a stage since its latest stage change ({@code since}, null when it
	 * never moved); {@code stuckSince} is that day, or the day it is on record when it never moved.
	 */
	public record StalledRow(long departmentId, String departmentName, Stage stage, LocalDate since,
			LocalDate stuckSince) {
	}

}
