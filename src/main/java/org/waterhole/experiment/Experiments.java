package org.waterhole.experiment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.PersonService;
import org.waterhole.shared.IdNames;
import org.waterhole.shared.Platform;
import org.waterhole.shared.RowTotals;
import org.waterhole.shared.SqlArray;
import org.waterhole.shared.web.LikePattern;

/**
 * Reading experiments in numbers: the filtered list, the board, the learnings, success rates
 * and the export. All in SQL, returning what the pages show; department and owner names come
 * from the organisation module for the rows at hand.
 */
@Service
@Transactional(readOnly = true)
public class Experiments {

	/** Cards per column on the board; the rest are one click away in the list. */
	static final int BOARD_COLUMN_SIZE = 25;

	private static final String COLUMNS = """
			e.id, e.title, e.status, e.department_id, e.platform, e.owner_id, e.impact, e.confidence, e.ease,
			e.ice_score, e.planned_start, e.planned_end, e.actual_start, e.actual_end, e.metric_name, e.metric_unit,
			e.baseline, e.target, e.direction, e.outcome, e.hypothesis, e.learnings, e.updated_at,
			(select m.value from experiment_measurement m where m.experiment_id = e.id
			 order by m.measured_on desc, m.id desc limit 1) as latest_value
			""";

	/** The most rows one export holds. */
	static final int EXPORT_LIMIT = 100_000;

	private final JdbcClient jdbc;

	/** Reads an export a few hundred rows at a time rather than all at once. */
	private final JdbcClient streaming;

	private final DepartmentService departments;

	private final PersonService people;

	private final RowTotals totals;

	private final Clock clock;

	Experiments(JdbcClient jdbc, DataSource dataSource, DepartmentService departments, PersonService people,
			RowTotals totals, Clock clock) {
		this.jdbc = jdbc;
		this.totals = totals;
		JdbcTemplate fetching = new JdbcTemplate(dataSource);
		fetching.setFetchSize(500);
		this.streaming = JdbcClient.create(fetching);
		this.departments = departments;
		this.people = people;
		this.clock = clock;
	}

	/** A page of the experiments the filter lets through, in the page's order (whitelisted columns). */
	public Page<ExperimentRow> page(ExperimentFilter filter, Pageable pageable) {
		Where where = where(filter);
		long total = where.narrows() ? jdbc.sql("select count(*) from experiment e where " + where.sql())
			.params(where.params())
			.query(Long.class)
			.single() : totals.of("experiment");
		if (total == 0 || pageable.getOffset() >= total) {
			return new PageImpl<>(List.of(), pageable, total);
		}
		// The page's rows are chosen first, so that their latest measurements are looked up for them only.
		List<ExperimentRow> rows = jdbc.sql("select " + COLUMNS + " from experiment e where e.id in (select e.id"
				+ " from experiment e where " + where.sql() + orderBy(pageable.getSort()) + " limit :limit offset :offset)"
				+ orderBy(pageable.getSort()))
			.params(where.params())
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(Experiments::row)
			.list();
		return new PageImpl<>(named(rows), pageable, total);
	}

	/**
	 * Every experiment the filter lets through (at most {@value #EXPORT_LIMIT}), one at a time,
	 * for the CSV export: the rows are fetched in batches as they are written.
	 */
	public void forEach(ExperimentFilter filter, Sort sort, Consumer<ExperimentRow> consumer) {
		Where where = where(filter);
		Map<Long, String> departmentNames = departmentNames();
		Map<Long, String> ownerNames = people.namesOf(jdbc.sql("select distinct e.owner_id from experiment e where "
				+ where.sql()).params(where.params()).query(Long.class).list());
		try (Stream<ExperimentRow> rows = streaming.sql("select " + COLUMNS + " from experiment e where " + where.sql()
				+ orderBy(sort) + " limit " + EXPORT_LIMIT).params(where.params()).query(Experiments::row).stream()) {
			rows.forEach(row -> consumer.accept(row.named(departmentNames.get(row.departmentId()),
					ownerNames.get(row.ownerId()))));
		}
	}

	/** The board: per status, the most promising (open) or most recent (closed) experiments, and the count. */
	public Map<ExperimentStatus, Column> board(Long department, Platform platform) {
		ExperimentFilter filter = new ExperimentFilter();
		filter.setDepartment(department);
		filter.setPlatform(platform);
		Where where = where(filter);
		Map<ExperimentStatus, Long> counts = new EnumMap<>(ExperimentStatus.class);
		jdbc.sql("select e.status, count(*) from experiment e where " + where.sql() + " group by e.status")
			.params(where.params())
			.query((rs, n) -> counts.put(ExperimentStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		List<ExperimentRow> rows = jdbc.sql("""
				select * from (
				  select %s, row_number() over (partition by e.status order by
				    case when e.status in ('IDEA', 'PLANNED') then e.ice_score end desc nulls last,
				    e.updated_at desc, e.id desc) as position
				  from experiment e where %s
				) ranked where position <= :size
				""".formatted(COLUMNS, where.sql()))
			.params(where.params())
			.param("size", BOARD_COLUMN_SIZE)
			.query(Experiments::row)
			.list();
		Map<ExperimentStatus, List<ExperimentRow>> byStatus = named(rows).stream()
			.collect(Collectors.groupingBy(ExperimentRow::status, () -> new EnumMap<>(ExperimentStatus.class),
					Collectors.toList()));
		Map<ExperimentStatus, Column> board = new EnumMap<>(ExperimentStatus.class);
		for (ExperimentStatus status : ExperimentStatus.values()) {
			board.put(status, new Column(status, byStatus.getOrDefault(status, List.of()), counts.getOrDefault(status, 0L)));
		}
		return board;
	}

	/** Completed experiments with what they taught, the most recently finished first. */
	public Page<ExperimentRow> learnings(Pageable pageable) {
		ExperimentFilter filter = new ExperimentFilter();
		filter.setStatus(ExperimentStatus.COMPLETED);
		return page(filter, PageRequest.of(pageable.getPageNumber(),
				pageable.getPageSize(), Sort.by(Sort.Order.desc("e.actual_end"), Sort.Order.desc("e.id"))));
	}

	/**
	 * Success rate (succeeded ÷ completed) per department and per platform, of the experiments
	 * completed since {@code since} ({@code null}: all of them).
	 */
	public SuccessRates successRates(LocalDate since) {
		String sql = """
				select %s as key, count(*) as completed,
				       count(*) filter (where e.outcome = 'SUCCEEDED') as succeeded,
				       count(*) filter (where e.outcome = 'FAILED') as failed,
				       count(*) filter (where e.outcome = 'INCONCLUSIVE') as inconclusive
				from experiment e
				where e.status = 'COMPLETED' and (cast(:since as date) is null or e.actual_end >= :since)
				group by %s order by succeeded desc, completed desc
				""";
		Map<Long, String> departmentNames = departmentNames();
		List<Rate> byDepartment = jdbc.sql(sql.formatted("e.department_id", "e.department_id"))
			.param("since", since)
			.query((rs, n) -> rate(rs, departmentNames.get(rs.getLong("key"))))
			.list();
		List<Rate> byPlatform = jdbc.sql(sql.formatted("e.platform", "e.platform"))
			.param("since", since)
			.query((rs, n) -> rate(rs, Platform.valueOf(rs.getString("key")).messageKey()))
			.list();
		return new SuccessRates(byDepartment, byPlatform);
	}

	/**
	 * A department's completed experiments, the latest ended first, at most {@code limit}; and
	 * {@code also}, whatever its department, if it is completed (first). Titles by id, in that
	 * order.
	 */
	public Map<Long, String> completedIn(Long departmentId, Long also, int limit) {
		return IdNames.forDepartment(jdbc, """
				(select e.id, e.title from experiment e where e.id = :also and e.status = 'COMPLETED')
				union all
				(select e.id, e.title from experiment e where e.department_id = :department and e.status = 'COMPLETED'
				 order by e.actual_end desc, e.id desc limit :limit)
				""", departmentId, also, limit);
	}

	/** Whether an experiment exists and is completed. */
	public boolean isCompleted(long id) {
		return jdbc.sql("select exists (select 1 from experiment where id = :id and status = 'COMPLETED')")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The owner filter's choices: the signed-in person and the owner already chosen, by name. A
	 * large organisation has thousands of owners, too many for a list; any other owner is one
	 * click away from their name in the results.
	 */
	public Map<Long, String> ownerChoices(long me, Long chosen) {
		Set<Long> ids = new LinkedHashSet<>();
		ids.add(me);
		if (chosen != null) {
			ids.add(chosen);
		}
		Map<Long, String> names = people.namesOf(ids);
		Map<Long, String> choices = new LinkedHashMap<>();
		ids.stream().filter(names::containsKey).forEach(id -> choices.put(id, names.get(id)));
		return choices;
	}

	private List<ExperimentRow> named(List<ExperimentRow> rows) {
		Map<Long, String> departmentNames = departmentNames();
		Set<Long> ownerIds = new HashSet<>();
		rows.forEach(row -> ownerIds.add(row.ownerId()));
		Map<Long, String> ownerNames = people.namesOf(ownerIds);
		return rows.stream()
			.map(row -> row.named(departmentNames.get(row.departmentId()), ownerNames.get(row.ownerId())))
			.toList();
	}

	private Map<Long, String> departmentNames() {
		return departments.options()
			.stream()
			.collect(Collectors.toMap(DepartmentOption::getId, DepartmentOption::getName));
	}

	private Where where(ExperimentFilter filter) {
		StringBuilder sql = new StringBuilder("true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (filter.getStatus() != null) {
			sql.append(" and e.status = :status");
			params.put("status", filter.getStatus().name());
		}
		if (filter.getDepartment() != null) {
			sql.append(" and e.department_id = :department");
			params.put("department", filter.getDepartment());
		}
		if (filter.getPlatform() != null) {
			sql.append(" and e.platform = :platform");
			params.put("platform", filter.getPlatform().name());
		}
		if (filter.getOwner() != null) {
			sql.append(" and e.owner_id = :owner");
			params.put("owner", filter.getOwner());
		}
		if (filter.getOutcome() != null) {
			sql.append(" and e.outcome = :outcome");
			params.put("outcome", filter.getOutcome().name());
		}
		if (filter.isOverdue()) {
			sql.append(" and e.status = 'RUNNING' and e.planned_end < :today");
			params.put("today", LocalDate.now(clock));
		}
		String pattern = LikePattern.contains(filter.getQ());
		if (!pattern.equals("%")) {
			sql.append(" and (lower(e.title) like :pattern escape '\\' or lower(e.hypothesis) like :pattern escape '\\')");
			params.put("pattern", pattern);
		}
		return new Where(sql.toString(), params);
	}

	/** The order of a whitelisted sort (its properties are our own column names, never the user's text). */
	private static String orderBy(Sort sort) {
		List<String> orders = new ArrayList<>();
		for (Sort.Order order : sort) {
			// Only the start may be missing; a "nulls last" on the others would keep their indexes
			// from giving the order.
			orders.add(order.getProperty() + (order.isAscending() ? " asc" : " desc")
					+ (order.getProperty().startsWith("coalesce(") ? " nulls last" : ""));
		}
		return orders.isEmpty() ? "" : " order by " + String.join(", ", orders);
	}

	private static ExperimentRow row(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
		return new ExperimentRow(rs.getLong("id"), rs.getString("title"),
				ExperimentStatus.valueOf(rs.getString("status")), rs.getLong("department_id"), null,
				Platform.valueOf(rs.getString("platform")), rs.getLong("owner_id"), null, rs.getInt("impact"),
				rs.getInt("confidence"), rs.getInt("ease"), rs.getBigDecimal("ice_score"),
				rs.getObject("planned_start", LocalDate.class), rs.getObject("planned_end", LocalDate.class),
				rs.getObject("actual_start", LocalDate.class), rs.getObject("actual_end", LocalDate.class),
				rs.getString("metric_name"), rs.getString("metric_unit"), rs.getBigDecimal("baseline"),
				rs.getBigDecimal("target"), Direction.valueOf(rs.getString("direction")),
				rs.getBigDecimal("latest_value"), outcome == null ? null : Outcome.valueOf(outcome),
				rs.getString("hypothesis"), rs.getString("learnings"), updated == null ? null : updated.toInstant());
	}

	private static Rate rate(ResultSet rs, String name) throws SQLException {
		return new Rate(name, rs.getLong("completed"), rs.getLong("succeeded"), rs.getLong("failed"),
				rs.getLong("inconclusive"));
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * Running experiments past their planned end, the longest overdue first: at most
	 * {@code limit} of them, and how many there are in all.
	 */
	public Overdue overdue(int limit) {
		List<Row> rows = jdbc.sql("""
				select e.id, e.title, e.department_id, e.planned_end, count(*) over () as total from experiment e
				where e.status = 'RUNNING' and e.planned_end < :today
				order by e.planned_end, e.id limit :limit
				""")
			.param("today", today())
			.param("limit", limit)
			.query((rs, n) -> new Row(new OverdueExperiment(rs.getLong("id"), rs.getString("title"),
					rs.getLong("department_id"), rs.getObject("planned_end", LocalDate.class)), rs.getLong("total")))
			.list();
		return new Overdue(rows.stream().map(Row::experiment).toList(), rows.isEmpty() ? 0 : rows.get(0).total());
	}

	/** An overdue experiment and how many there are in all (each row carries the count). */
	private record Row(OverdueExperiment experiment, long total) {
	}

	/**
	 * The latest experiment that succeeded in the first of the departments (in the order given)
	 * that has one, if any: a precedent to propose elsewhere.
	 */
	public Optional<Precedent> latestSuccessIn(List<Long> departmentIds) {
		return jdbc.sql("""
				select e.id, e.title, e.department_id, e.actual_end from experiment e
				where e.status = 'COMPLETED' and e.outcome = 'SUCCEEDED' and e.department_id = any(cast(:ids as bigint[]))
				order by array_position(cast(:ids as bigint[]), e.department_id), e.actual_end desc, e.id desc
				limit 1
				""")
			.param("ids", SqlArray.of(departmentIds))
			.query((rs, n) -> new Precedent(rs.getLong("id"), rs.getString("title"), rs.getLong("department_id"),
					rs.getObject("actual_end", LocalDate.class)))
			.optional();
	}

	/** The department's latest experiment still an idea or planned, if any. */
	public Optional<Planned> latestOpenIn(long departmentId) {
		return jdbc.sql("""
				select e.id, e.title from experiment e
				where e.department_id = :department and e.status in ('IDEA', 'PLANNED')
				order by e.updated_at desc, e.id desc limit 1
				""")
			.param("department", departmentId)
			.query((rs, n) -> new Planned(rs.getLong("id"), rs.getString("title")))
			.optional();
	}

	/** An experiment that is still an idea or planned. */
	public record Planned(long id, String title) {
	}

	/** A running experiment past its planned end. */
	public record OverdueExperiment(long id, String title, long departmentId, LocalDate plannedEnd) {
	}

	/** Some overdue experiments, and how many there are in all. */
	public record Overdue(List<OverdueExperiment> experiments, long total) {
	}

	/** An experiment that succeeded, and when it ended. */
	public record Precedent(long id, String title, long departmentId, LocalDate endedOn) {
	}


	/** Conditions on the experiments ({@code e}): {@code true} and one more per parameter. */
	private record Where(String sql, Map<String, Object> params) {

		boolean narrows() {
			return !params.isEmpty();
		}

	}

	/** A column of the board: some of its experiments, and how many it has in all. */
	public record Column(ExperimentStatus status, List<ExperimentRow> experiments, long total) {
	}

	/** Completed, succeeded, failed and inconclusive experiments of a department or platform. */
	public record Rate(String name, long completed, long succeeded, long failed, long inconclusive) {

		/** Succeeded ÷ completed, in percent. */
		public long percent() {
			return completed == 0 ? 0 : Math.round(100.0 * succeeded / completed);
		}

	}

	public record SuccessRates(List<Rate> byDepartment, List<Rate> byPlatform) {

		public Rate overall() {
			long completed = byDepartment.stream().mapToLong(Rate::completed).sum();
			long succeeded = byDepartment.stream().mapToLong(Rate::succeeded).sum();
			long failed = byDepartment.stream().mapToLong(Rate::failed).sum();
			long inconclusive = byDepartment.stream().mapToLong(Rate::inconclusive).sum();
			return new Rate(null, completed, succeeded, failed, inconclusive);
		}

	}

}
