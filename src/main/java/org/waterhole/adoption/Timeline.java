package org.waterhole.adoption;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.shared.RowTotals;
import org.waterhole.shared.SqlArray;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;

/** Reading the adoption timeline: the whole organisation's, a department's, its stage history. */
@Service
@Transactional(readOnly = true)
public class Timeline {

	/**
	 * Events as the timeline shows them ({@code e}), with the title of the objection each one
	 * answers and, for an objection, the event that answered it ({@code ans}); with what answered
	 * it, both ways, named as the case study's, champion's or experiment's latest report to the
	 * timeline names it (no other module's table is read).
	 */
	static final String ENTRIES = """
			select e.*, a.title as answers_title, %s as answered_with_name,
			       ans.id as answered_by_id, ans.title as answered_by_title, ans.occurred_on as answered_on,
			       ans.answered_with as answered_by_with, ans.answered_with_id as answered_by_with_id,
			       %s as answered_by_with_name
			from adoption_event e left join adoption_event a on a.id = e.answers_id
			left join lateral (
			  select x.id, x.title, x.occurred_on, x.answered_with, x.answered_with_id from adoption_event x
			  where x.answers_id = e.id order by x.occurred_on, x.id limit 1) ans on true
			""".formatted(reportedName("e"), reportedName("ans"));

	/** The name of what answered an objection ({@code alias}'s answered_with), from its latest report. */
	private static String reportedName(String alias) {
		return """
				(select r.title from adoption_event r
				 where r.subject_id = %1$s.answered_with_id
				   and r.kind like (case %1$s.answered_with when 'CASE_STUDY' then 'CASE_STUDY_%%'
				                    when 'CHAMPION' then 'CHAMPION_%%' else 'EXPERIMENT_%%' end)
				 order by r.subject_sequence desc, r.id desc limit 1)""".formatted(alias);
	}

	private final JdbcClient jdbc;

	private final DepartmentService departments;

	private final RowTotals totals;

	Timeline(JdbcClient jdbc, DepartmentService departments, RowTotals totals) {
		this.jdbc = jdbc;
		this.departments = departments;
		this.totals = totals;
	}

	/** Events the filter lets through, newest first. */
	public Page<TimelineEntry> page(TimelineFilter filter, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		String matches = matches(filter, params);
		long total = filter.isNarrowed()
				? jdbc.sql("select count(*) from (" + matches + ") m").params(params).query(Long.class).single()
				: totals.of("adoption_event");
		if (total == 0 || pageable.getOffset() >= total) {
			return new PageImpl<>(List.of(), pageable, total);
		}
		Map<Long, String> names = departmentNames();
		// The page's events are chosen first, so that what each one shows is looked up for them only.
		List<TimelineEntry> entries = jdbc.sql(ENTRIES + """
				where e.id in (select m.id from (%s) m order by m.occurred_on desc, m.id desc limit :limit offset :offset)
				order by e.occurred_on desc, e.id desc
				""".formatted(matches))
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, n) -> entry(rs, names))
			.list();
		return new PageImpl<>(entries, pageable, total);
	}

	/**
	 * The ids and days of the events the filter lets through. Narrowed to departments, they come
	 * from the index of events by department, with the case studies relevant to everyone, which
	 * are on every department's timeline.
	 */
	private static String matches(TimelineFilter filter, Map<String, Object> params) {
		if (filter.departments().isEmpty()) {
			return "select e.id, e.occurred_on from adoption_event e where true" + conditions("e", filter, params);
		}
		params.put("departments", SqlArray.of(filter.departments()));
		return """
				select d.event_id as id, d.occurred_on from adoption_event_department d
				where d.department_id = any(cast(:departments as bigint[]))%s
				union
				select e.id, e.occurred_on from adoption_event e
				where e.kind = 'CASE_STUDY_PUBLISHED' and cardinality(e.department_ids) = 0%s
				""".formatted(conditions("d", filter, params), conditions("e", filter, params));
	}

	/** The filter's kinds and dates as conditions on {@code alias}'s kind and occurred_on. */
	private static String conditions(String alias, TimelineFilter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder();
		if (!filter.kinds().isEmpty()) {
			where.append(" and ").append(alias).append(".kind in (:kinds)");
			params.put("kinds", filter.kinds().stream().map(Enum::name).toList());
		}
		if (filter.fromDate() != null) {
			where.append(" and ").append(alias).append(".occurred_on >= :from");
			params.put("from", filter.fromDate());
		}
		if (filter.toDate() != null) {
			where.append(" and ").append(alias).append(".occurred_on <= :to");
			params.put("to", filter.toDate());
		}
		return where.toString();
	}

	/** A department's latest events (with the case studies relevant to everyone), newest first. */
	public List<TimelineEntry> recent(long departmentId, int limit) {
		Map<Long, String> names = departmentNames();
		return jdbc.sql(ENTRIES + """
				where e.id in (
				  (select d.event_id from adoption_event_department d where d.department_id = :department
				   order by d.occurred_on desc, d.event_id desc limit :limit)
				  union all
				  (select x.id from adoption_event x where x.kind = 'CASE_STUDY_PUBLISHED' and cardinality(x.department_ids) = 0
				   order by x.occurred_on desc, x.id desc limit :limit))
				order by e.occurred_on desc, e.id desc limit :limit
				""")
			.param("department", departmentId)
			.param("limit", limit)
			.query((rs, n) -> entry(rs, names))
			.list();
	}

	/** A department's stage changes, oldest first. */
	public List<TimelineEntry> stageHistory(long departmentId) {
		Map<Long, String> names = departmentNames();
		return jdbc.sql(ENTRIES + """
				where e.kind = 'STAGE_CHANGE' and e.department_ids[1] = :department
				order by e.occurred_on, e.id
				""").param("department", departmentId).query((rs, n) -> entry(rs, names)).list();
	}

	/**
	 * The objections of a department nobody has answered yet, newest first, at most {@code limit}.
	 * They are chosen among the department's few objections first, then read by id (an array, so
	 * that no plan reads every event in order to find them).
	 */
	public List<TimelineEntry> openObjections(long departmentId, int limit) {
		Map<Long, String> names = departmentNames();
		return jdbc.sql(ENTRIES + """
				where e.id = any(array(
				  select d.event_id from adoption_event_department d
				  where d.department_id = :department and d.kind = 'OBJECTION'
				    and not exists (select 1 from adoption_event x where x.answers_id = d.event_id)
				  order by d.occurred_on desc, d.event_id desc limit :limit))
				order by e.occurred_on desc, e.id desc
				""")
			.param("department", departmentId)
			.param("limit", limit)
			.query((rs, n) -> entry(rs, names))
			.list();
	}

	/**
	 * The objections of a department open on a day: raised by then and not answered by then,
	 * newest first, at most {@code limit}.
	 */
	public List<TimelineEntry> openObjections(long departmentId, LocalDate on, int limit) {
		Map<Long, String> names = departmentNames();
		return jdbc.sql(ENTRIES + """
				where e.id = any(array(
				  select d.event_id from adoption_event_department d
				  where d.department_id = :department and d.kind = 'OBJECTION' and d.occurred_on <= :on
				    and not exists (select 1 from adoption_event x where x.answers_id = d.event_id and x.occurred_on <= :on)
				  order by d.occurred_on desc, d.event_id desc limit :limit))
				order by e.occurred_on desc, e.id desc
				""")
			.param("department", departmentId)
			.param("on", on)
			.param("limit", limit)
			.query((rs, n) -> entry(rs, names))
			.list();
	}

	/** The stage a department is at on a day and since when ({@code since} null: never moved). */
	public StageSince stageOf(long departmentId, LocalDate on) {
		return stage(departmentId, on);
	}

	/** The stage of the department's latest stage change, whatever its date, and its day. */
	public StageSince latestStage(long departmentId) {
		return stage(departmentId, null);
	}

	private StageSince stage(long departmentId, LocalDate on) {
		return jdbc.sql("""
				select to_stage, occurred_on from adoption_event
				where kind = 'STAGE_CHANGE' and department_ids[1] = :department
				  and (cast(:on as date) is null or occurred_on <= :on)
				order by occurred_on desc, id desc limit 1
				""")
			.param("department", departmentId)
			.param("on", on, java.sql.Types.DATE)
			.query((rs, n) -> new StageSince(Stage.valueOf(rs.getString("to_stage")),
					rs.getObject("occurred_on", LocalDate.class)))
			.optional()
			.orElse(new StageSince(Stage.UNAWARE, null));
	}

	private Map<Long, String> departmentNames() {
		return departments.options()
			.stream()
			.collect(Collectors.toMap(DepartmentOption::getId, DepartmentOption::getName));
	}

	static TimelineEntry entry(ResultSet rs, Map<Long, String> names) throws SQLException {
		List<Long> ids = ids(rs.getArray("department_ids"));
		TimelineEntry.AnsweredBy answeredBy = rs.getObject("answered_by_id") == null ? null
				: new TimelineEntry.AnsweredBy(rs.getLong("answered_by_id"), rs.getString("answered_by_title"),
						rs.getObject("answered_on", LocalDate.class),
						EvidenceLink.of(rs.getString("answered_by_with"), rs.getLong("answered_by_with_id"),
								rs.getString("answered_by_with_name")));
		return new TimelineEntry(rs.getLong("id"), rs.getObject("occurred_on", LocalDate.class),
				EventKind.valueOf(rs.getString("kind")), ids,
				ids.stream().map(id -> names.getOrDefault(id, "")).toList(), rs.getString("title"),
				rs.getString("details"), stage(rs.getString("from_stage")), stage(rs.getString("to_stage")),
				rs.getString("objection_category") == null ? null
						: ObjectionCategory.valueOf(rs.getString("objection_category")),
				rs.getString("outcome"),
				rs.getObject("answers_id") == null ? null
						: new TimelineEntry.Answer(rs.getLong("answers_id"), rs.getString("answers_title")),
				EvidenceLink.of(rs.getString("answered_with"), rs.getLong("answered_with_id"),
						rs.getString("answered_with_name")),
				answeredBy);
	}

	private static Stage stage(String name) {
		return name == null ? null : Stage.valueOf(name);
	}

	private static List<Long> ids(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return new ArrayList<>(Arrays.stream((Object[]) array.getArray()).map(v -> ((Number) v).longValue()).toList());
	}

	/** A stage and the day it began. */
	public record StageSince(Stage stage, LocalDate since) {
	}

}
