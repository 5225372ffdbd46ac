package org.waterhole.adoption;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.casestudy.ReachDays;
import org.waterhole.shared.SqlArray;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;

/**
 * The managers' dashboard: where the departments stand and how that changed, for a date range
 * and some or all departments. Every number is counted by PostgreSQL; nothing is loaded to be
 * counted here. A department counts from the day it is on record, or from its first stage change
 * if that is earlier. When some departments are chosen, the whole organisation's figures come
 * beside theirs from the same statements (each counts both at once), so that comparing costs
 * no more queries. Every view is computed afresh: filters vary too much for kept views to pay,
 * and the figures read summaries and indexes (education reach is kept per department and day by
 * the library).
 */
@Service
@Transactional(readOnly = true)
public class Dashboard {

	/** A department with fewer people than this shows no reach figure: it would point at a person. */
	public static final int PRIVACY_FLOOR = 5;

	/** Below adopting and without a stage change for this many days, a department is stalled. */
	public static final int STALLED_DAYS = 180;

	/** Reach counts the readers of this many days, up to the end of the range. */
	public static final int REACH_DAYS = ReachDays.DAYS;

	private static final int RECENT = 10;

	/** The parts of the dashboard, so that an export computes only the one it writes. */
	enum Part {

		STAGES, EXPERIMENTS, COVERAGE, REACH, STALLED, RECENT, OBJECTIONS, CHANGES

	}

	private final JdbcClient jdbc;

	private final DepartmentService departments;

	private final EducationReach reach;

	private final Clock clock;

	Dashboard(JdbcClient jdbc, DepartmentService departments, EducationReach reach, Clock clock) {
		this.jdbc = jdbc;
		this.departments = departments;
		this.reach = reach;
		this.clock = clock;
	}

	/** The dashboard's view: every part but the report's stage changes. */
	public DashboardView view(DashboardFilter filter) {
		return view(filter, EnumSet.complementOf(EnumSet.of(Part.CHANGES)));
	}

	/** The printable report's view: the dashboard's, with the stage changes of the range. */
	public DashboardView report(DashboardFilter filter) {
		return view(filter, EnumSet.allOf(Part.class));
	}

	DashboardView view(DashboardFilter filter, Set<Part> parts) {
		DashboardFilter.Range range = filter.range(LocalDate.now(clock));
		return view(range, filter.departments().stream().sorted().toList(), parts);
	}

	/**
	 * The view of the departments asked for (all when none), and beside it the organisation's
	 * figures when some were asked for: each query counts both at once, for all departments.
	 */
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
		Map<Long, LocalDate> since = since(names.keySet(), created);
		// The departments there by the end: all of them, and those asked for (or all).
		Map<Long, String> all = new LinkedHashMap<>();
		names.forEach((id, name) -> {
			if (!since.get(id).isAfter(end)) {
				all.put(id, name);
			}
		});
		Map<Long, String> chosen = new LinkedHashMap<>(all);
		if (!asked.isEmpty()) {
			chosen.keySet().retainAll(asked);
		}
		Scope scope = new Scope(start, end, all, chosen, since, !asked.isEmpty());
		List<String> askedNames = asked.stream().map(names::get).sorted().toList();
		return parts(scope, parts, askedNames, names, List.copyOf(notices));
	}

	/** The departments of a view: all those there by its end, those chosen, and since when each counts. */
	private record Scope(LocalDate start, LocalDate end, Map<Long, String> all, Map<Long, String> chosen,
			Map<Long, LocalDate> since, boolean compared) {
	}

	private DashboardView parts(Scope scope, Set<Part> parts, List<String> askedNames, Map<Long, String> names,
			List<String> notices) {
		LocalDate start = scope.start();
		LocalDate end = scope.end();
		Set<Long> ids = scope.chosen().keySet();
		List<MonthRow> months = List.of();
		MonthRow baseline = null;
		if (parts.contains(Part.STAGES)) {
			List<MonthRow> days = stages(ids, scope.since(), days(start, end));
			baseline = days.get(0);
			months = days.subList(1, days.size());
		}
		Compared<ExperimentFigures> experiments = parts.contains(Part.EXPERIMENTS) ? experiments(scope) : null;
		Compared<Coverage> coverage = parts.contains(Part.COVERAGE) ? coverage(scope) : null;
		List<ReachRow> reach = parts.contains(Part.REACH) ? reach(scope.all(), end) : List.of();
		List<StalledRow> standings = parts.contains(Part.STALLED) ? standings(scope) : List.of();
		Compared<List<ObjectionRow>> objections = parts.contains(Part.OBJECTIONS) ? objections(scope) : null;
		List<ReachRow> chosenReach = reach.stream().filter(r -> ids.contains(r.departmentId())).toList();
		List<StalledRow> chosenStandings = standings.stream().filter(r -> ids.contains(r.departmentId())).toList();
		Organisation organisation = scope.compared()
				? new Organisation(parts.contains(Part.STALLED) ? stageCounts(standings) : null,
						organisation(experiments), organisation(coverage), ReachTotal.of(reach),
						stalled(standings, end).size(),
						objections == null ? null : ObjectionRow.total(objections.organisation()))
				: null;
		return new DashboardView(start, end, List.copyOf(scope.chosen().values()), askedNames, months, baseline,
				chosen(experiments), chosen(coverage), chosenReach, stalled(chosenStandings, end), chosenStandings,
				parts.contains(Part.RECENT) ? recent(ids, start, end, EventKind.MILESTONE, names) : List.of(),
				parts.contains(Part.RECENT) ? recent(ids, start, end, EventKind.OBJECTION, names) : List.of(),
				parts.contains(Part.CHANGES) ? recent(ids, start, end, EventKind.STAGE_CHANGE, names) : List.of(),
				objections == null ? List.of() : objections.chosen(), organisation, notices);
	}

	/** A figure for the chosen departments and for the whole organisation. */
	private record Compared<T>(T chosen, T organisation) {
	}

	private static <T> T chosen(Compared<T> figure) {
		return figure == null ? null : figure.chosen();
	}

	private static <T> T organisation(Compared<T> figure) {
		return figure == null ? null : figure.organisation();
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
	 * latest reports tell their runs: of the chosen departments, and of all of them. PostgreSQL
	 * counts per department; which of them count is decided here, where a set answers at once
	 * rather than every run being compared with every department.
	 */
	private Compared<ExperimentFigures> experiments(Scope scope) {
		ExperimentFigures none = new ExperimentFigures(0, 0, 0);
		ExperimentFigures[] figures = { none, none };
		jdbc.sql(EXPERIMENTS).param("start", scope.start()).param("end", scope.end()).query((rs, n) -> {
			long id = rs.getLong("department_id");
			ExperimentFigures counted = new ExperimentFigures(rs.getLong("running"), rs.getLong("completed"),
					rs.getLong("succeeded"));
			if (scope.all().containsKey(id)) {
				figures[1] = figures[1].plus(counted);
			}
			if (scope.chosen().containsKey(id)) {
				figures[0] = figures[0].plus(counted);
			}
			return id;
		}).list();
		return new Compared<>(figures[0], figures[1]);
	}

	/**
	 * The runs of {@link #experiments}, counted per department: those running on the last day and
	 * those completed within the range, each found through an index of its own rather than by reading
	 * every run.
	 */
	private static final String EXPERIMENTS = """
			select department_id, count(*) filter (where running) as running,
			  count(*) filter (where not running) as completed,
			  count(*) filter (where not running and outcome = 'SUCCEEDED') as succeeded
			from (
			  select department_id, true as running, null as outcome from adoption_experiment
			  where started_on <= coalesce(ended_on, started_on)
			    and daterange(started_on, ended_on, '[)') @> cast(:end as date)
			  union all
			  select department_id, false, outcome from adoption_experiment
			  where outcome is not null and ended_on between :start and :end) runs
			group by department_id
			""";

	/**
	 * Which departments had an active champion at the end of the range: each champion's latest
	 * report until then says where they were active, if anywhere.
	 */
	private Compared<Coverage> coverage(Scope scope) {
		Set<Long> covered = new HashSet<>(jdbc.sql(COVERED)
			.param("end", scope.end())
			.param("ids", SqlArray.of(scope.all().keySet()))
			.query(Long.class)
			.list());
		return new Compared<>(coverage(scope.chosen(), covered), new Coverage(covered.size(), scope.all().size(), List.of()));
	}

	/**
	 * The departments of {@code ids} with an active champion at {@code end}: for each, a champion
	 * who reported being there by then and whose latest report until then is that one. Each
	 * department stops at its first such champion, so that the statement reads a few index
	 * entries per department rather than every champion's history.
	 */
	private static final String COVERED = """
			select d.id from unnest(cast(:ids as bigint[])) as d(id)
			where exists (
			  select 1 from adoption_event c
			  where c.kind in ('CHAMPION_JOINED', 'CHAMPION_LEFT', 'CHAMPION_MOVED')
			    and c.champion_department_id = d.id and c.occurred_on <= :end
			    and c.id = (
			      select l.id from adoption_event l
			      where l.kind in ('CHAMPION_JOINED', 'CHAMPION_LEFT', 'CHAMPION_MOVED')
			        and l.subject_id = c.subject_id and l.occurred_on <= :end
			      order by l.subject_sequence desc, l.id desc limit 1))
			""";

	private static Coverage coverage(Map<Long, String> departments, Set<Long> covered) {
		List<String> uncovered = departments.entrySet()
			.stream()
			.filter(e -> !covered.contains(e.getKey()))
			.map(Map.Entry::getValue)
			.toList();
		return new Coverage(departments.size() - uncovered.size(), departments.size(), uncovered);
	}

	/**
	 * Per department, its readers (people who read a case study while in it) in the
	 * {@value #REACH_DAYS} days up to {@code end}, as a share of its people now; hidden below
	 * {@value #PRIVACY_FLOOR} people.
	 */
	private List<ReachRow> reach(Map<Long, String> chosen, LocalDate end) {
		Map<Long, Long> readers = reach.readersByDepartment(end);
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
	 * Every department's stage at the end of the range and since when: that of its latest stage
	 * change until then; unaware since the day it is on record when it never moved.
	 */
	private List<StalledRow> standings(Scope scope) {
		Map<Long, StalledRow> latest = new LinkedHashMap<>();
		Map<Long, String> names = scope.all();
		jdbc.sql("""
				select distinct on (department_ids[1]) department_ids[1] as department_id, to_stage, occurred_on
				from adoption_event
				where kind = 'STAGE_CHANGE' and occurred_on <= :end and department_ids[1] = any(cast(:ids as bigint[]))
				order by department_ids[1], occurred_on desc, id desc
				""")
			.param("end", scope.end())
			.param("ids", SqlArray.of(names.keySet()))
			.query((rs, n) -> latest.put(rs.getLong("department_id"),
					new StalledRow(rs.getLong("department_id"), names.get(rs.getLong("department_id")),
							Stage.valueOf(rs.getString("to_stage")), rs.getObject("occurred_on", LocalDate.class),
							rs.getObject("occurred_on", LocalDate.class))))
			.list();
		List<StalledRow> standings = new ArrayList<>();
		names.forEach((id, name) -> standings
			.add(latest.getOrDefault(id, new StalledRow(id, name, Stage.UNAWARE, null, scope.since().get(id)))));
		return standings;
	}

	/**
	 * The departments below adopting whose stage hasn't changed for {@value #STALLED_DAYS} days or
	 * more at the end of the range (see {@link #standings}); the longest stuck first.
	 */
	private static List<StalledRow> stalled(List<StalledRow> standings, LocalDate end) {
		LocalDate limit = end.minusDays(STALLED_DAYS);
		return standings.stream()
			.filter(row -> row.stage().compareTo(Stage.ADOPTING) < 0 && !row.stuckSince().isAfter(limit))
			.sorted(Comparator.comparing(StalledRow::stuckSince))
			.toList();
	}

	private static Map<Stage, Long> stageCounts(List<StalledRow> standings) {
		Map<Stage, Long> counts = zero();
		standings.forEach(row -> counts.merge(row.stage(), 1L, Long::sum));
		return counts;
	}

	/**
	 * Per category, the objections raised in the range: how many were answered by its end (the
	 * first answer counts), with a case study, a champion or an experiment, and how many were
	 * still open then; and those raised earlier still open at its end. Every category, in order,
	 * with zeros where there was none: for the chosen departments and for all of them.
	 */
	private Compared<List<ObjectionRow>> objections(Scope scope) {
		Map<ObjectionCategory, ObjectionRow> chosen = new EnumMap<>(ObjectionCategory.class);
		Map<ObjectionCategory, ObjectionRow> others = new EnumMap<>(ObjectionCategory.class);
		for (ObjectionCategory category : ObjectionCategory.values()) {
			chosen.put(category, new ObjectionRow(category, 0, 0, 0, 0, 0, 0));
			others.put(category, new ObjectionRow(category, 0, 0, 0, 0, 0, 0));
		}
		jdbc.sql(OBJECTIONS)
			.param("start", scope.start())
			.param("end", scope.end())
			.param("ids", SqlArray.of(scope.chosen().keySet()))
			.param("outside", SqlArray.of(scope.since().keySet().stream().filter(id -> !scope.all().containsKey(id)).toList()))
			.query((rs, n) -> {
				ObjectionCategory category = ObjectionCategory.valueOf(rs.getString("category"));
				return (rs.getBoolean("chosen") ? chosen : others).put(category, new ObjectionRow(category,
						rs.getLong("raised"), rs.getLong("answered"), rs.getLong("case_study"), rs.getLong("champion"),
						rs.getLong("experiment"), rs.getLong("open_earlier")));
			})
			.list();
		List<ObjectionRow> organisation = chosen.values()
			.stream()
			.map(row -> ObjectionRow.total(row.category(), List.of(row, others.get(row.category()))))
			.toList();
		return new Compared<>(List.copyOf(chosen.values()), organisation);
	}

	/**
	 * The objections of {@link #objections}, counted apart for the chosen departments and the
	 * others. An objection counts unless all its departments are outside the view (on record, not
	 * there yet by the end; departments are never deleted, so every department an objection names
	 * is on record): that list is mostly empty, where comparing every objection with every
	 * department of the view cost most of the statement. Each objection's first answer of all is
	 * joined when it came by the end: the first answer until the end, if any (a later one can't
	 * come before it), found for all objections in one pass over the few answers rather than
	 * looked up objection by objection.
	 */
	private static final String OBJECTIONS = """
			select o.objection_category as category, o.department_ids && cast(:ids as bigint[]) as chosen,
			  count(*) filter (where o.occurred_on >= :start) as raised,
			  count(answer.id) filter (where o.occurred_on >= :start) as answered,
			  count(*) filter (where o.occurred_on >= :start and answer.answered_with = 'CASE_STUDY') as case_study,
			  count(*) filter (where o.occurred_on >= :start and answer.answered_with = 'CHAMPION') as champion,
			  count(*) filter (where o.occurred_on >= :start and answer.answered_with = 'EXPERIMENT') as experiment,
			  count(*) filter (where o.occurred_on < :start and answer.id is null) as open_earlier
			from adoption_event o
			left join (
			  select distinct on (x.answers_id) x.answers_id, x.id, x.occurred_on, x.answered_with from adoption_event x
			  where x.answers_id is not null
			  order by x.answers_id, x.occurred_on, x.id) answer on answer.answers_id = o.id and answer.occurred_on <= :end
			where o.kind = 'OBJECTION' and o.occurred_on <= :end
			  and cardinality(o.department_ids) > 0 and not o.department_ids <@ cast(:outside as bigint[])
			group by 1, 2
			""";

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

		/**
		 * The counts in the order of the stages, none missing: the page's cells read them as
		 * they come rather than looking each stage up in the map.
		 */
		public List<Long> stageCounts() {
			return Arrays.stream(Stage.values()).map(stage -> counts.getOrDefault(stage, 0L)).toList();
		}

		/** The counts in the order of the stages, for the chart: {@code "3 5 0 2 1 0"}. */
		public String chartCounts() {
			return stageCounts().stream().map(String::valueOf).collect(Collectors.joining(" "));
		}

		public long departments() {
			return counts.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** Experiments running at the end of the range, and completed (and succeeded) within it. */
	public record ExperimentFigures(long running, long completed, long succeeded) {

		ExperimentFigures plus(ExperimentFigures other) {
			return new ExperimentFigures(running + other.running, completed + other.completed,
					succeeded + other.succeeded);
		}

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
	 * The education reach of several departments together: their readers and people, leaving out
	 * those below the privacy floor; {@code percent} is null when none is left.
	 */
	public record ReachTotal(long readers, long people, Long percent) {

		static ReachTotal of(List<ReachRow> rows) {
			long readers = rows.stream().filter(r -> !r.hidden()).mapToLong(ReachRow::readers).sum();
			long people = rows.stream().filter(r -> !r.hidden()).mapToLong(ReachRow::people).sum();
			return new ReachTotal(readers, people, people == 0 ? null : Math.round(100.0 * readers / people));
		}

		public boolean hidden() {
			return percent == null;
		}

	}

	/**
	 * The whole organisation's figures, beside those of the chosen departments: departments per
	 * stage at the end of the range (with the index), experiments, champion coverage, reach, how
	 * many are stalled, objections of every category; null where the view has not that part.
	 */
	public record Organisation(Map<Stage, Long> stagesNow, ExperimentFigures experiments, Coverage coverage,
			ReachTotal reach, long stalled, ObjectionRow objections) {

		public BigDecimal indexNow() {
			return stagesNow == null ? null : index(stagesNow);
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
			return total(null, rows);
		}

		/** The rows added up, as a row of {@code category}. */
		static ObjectionRow total(ObjectionCategory category, List<ObjectionRow> rows) {
			return new ObjectionRow(category, sum(rows, ObjectionRow::raised), sum(rows, ObjectionRow::answered),
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
