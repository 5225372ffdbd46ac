package org.waterhole.casestudy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.shared.SqlArray;

/**
 * What a department's people read and found helpful, for the strategist's playbook: the
 * figures per period, the keenest readers, and the case studies worth sharing. A reading and a
 * helpful mark count for the department the person was in at the time.
 */
@Service
@Transactional(readOnly = true)
public class DepartmentInterest {

	/**
	 * A published case study ({@code cs}) for the department (relevant to it, or to everyone) that
	 * none of its people has read (named or folded readings): what {@link #unread} offers, and
	 * {@link Figures#unreadToShare} tells of.
	 */
	private static final String FOR_DEPARTMENT_UNREAD = """
			and (exists (select 1 from case_study_department d where d.case_study_id = cs.id and d.department_id = :department)
			     or not exists (select 1 from case_study_department d where d.case_study_id = cs.id))
			and not exists (select 1 from case_study_reading r where r.case_study_id = cs.id and r.department_id = :department)
			and not exists (select 1 from case_study_reading_count c
			                where c.case_study_id = cs.id and c.department_id = :department and c.readings > 0)
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	DepartmentInterest(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * For each department and day: how many people read a case study, and how many helpful marks
	 * were given, in the {@value ReachDays#DAYS} days up to and including that day (days where the
	 * application is); no department is asked whether a case study is unread.
	 */
	public List<Figures> figures(Collection<Long> departmentIds, Collection<LocalDate> onDays) {
		return figures(departmentIds, onDays, Map.of());
	}

	/**
	 * For each department and day: how many people read a case study, and how many helpful marks
	 * were given, in the {@value ReachDays#DAYS} days up to and including that day (days where the
	 * application is), and whether a case study for it is unread, looked for only on the days the
	 * department had at most the readers given for it in {@code unreadUpToReaders} (false on the
	 * others): looking takes a search of the case studies per department. One statement for every
	 * department and day asked; the readers are read from the reach kept per day ({@link ReachDays}),
	 * the marks from those kept per day ({@code department_helpful_day}, by triggers on the marks and
	 * their counts). Readings and marks folded into counts ({@link ReadingRetention}) are included:
	 * the figures don't change when they are folded.
	 */
	public List<Figures> figures(Collection<Long> departmentIds, Collection<LocalDate> onDays,
			Map<Long, Long> unreadUpToReaders) {
		List<Long> ids = List.copyOf(departmentIds);
		return jdbc.sql(FIGURES)
			.param("onDays", SqlArray.of(onDays))
			.param("ids", SqlArray.of(ids))
			.param("unreadUpTo", SqlArray.of(ids.stream().map(id -> unreadUpToReaders.getOrDefault(id, -1L)).toList()))
			.query((rs, n) -> new Figures(rs.getObject("day", LocalDate.class), rs.getLong("department_id"),
					rs.getLong("readers"), rs.getLong("helpful"), rs.getBoolean("any_unread")))
			.list();
	}

	/** The figures of each department and day of {@link #figures}. */
	private static final String FIGURES = """
			select days.day, departments.id as department_id, reach.readers,
			  coalesce((select h.marks from department_helpful_day h
			            where h.day = days.day and h.department_id = departments.id), 0) as helpful,
			  case when reach.readers <= departments.unread_up_to then exists (
			    select 1 from case_study cs where cs.status = 'PUBLISHED'
			""" + FOR_DEPARTMENT_UNREAD.replace(":department", "departments.id") + """
			  ) else false end as any_unread
			from unnest(cast(:onDays as date[])) as days(day)
			  cross join unnest(cast(:ids as bigint[]), cast(:unreadUpTo as bigint[])) as departments(id, unread_up_to)
			  cross join lateral (select coalesce((select r.readers from department_reach_day r
			                                       where r.day = days.day and r.department_id = departments.id), 0) as readers) reach
			""";

	/**
	 * The department's people who read the most case studies since {@code since} or marked them
	 * helpful (a mark counts as two readings): they already see the value. Those of
	 * {@code excluded} are left out before the {@code limit} is applied.
	 */
	public List<Reader> keenestReaders(long departmentId, LocalDate since, Collection<Long> excluded, int limit) {
		return jdbc.sql("""
				select person_id, sum(read) as read, sum(helpful) as helpful from (
				  select person_id, count(distinct case_study_id) as read, 0 as helpful from case_study_reading
				  where department_id = :department and read_at >= :since group by person_id
				  union all
				  select person_id, 0, count(*) from case_study_helpful
				  where department_id = :department and marked_at >= :since group by person_id) counted
				where person_id <> all(cast(:excluded as bigint[]))
				group by person_id
				order by sum(read) + 2 * sum(helpful) desc, person_id
				limit :limit
				""")
			.param("department", departmentId)
			.param("excluded", SqlArray.of(excluded))
			.param("since", since.atStartOfDay(clock.getZone()).toOffsetDateTime())
			.param("limit", limit)
			.query((rs, n) -> new Reader(rs.getLong("person_id"), rs.getLong("read"), rs.getLong("helpful")))
			.list();
	}

	/**
	 * Published case studies for the department (relevant to it, or to everyone) that none of its
	 * people has read, those tagged with any of {@code tags} first, then the most helpful.
	 */
	public List<Pick> unread(long departmentId, Collection<String> tags, int limit) {
		return picks(FOR_DEPARTMENT_UNREAD, departmentId, tags, limit);
	}

	/** Published case studies tagged with any of {@code tags}, those relevant to the department first. */
	public List<Pick> answering(long departmentId, Collection<String> tags, int limit) {
		return answering(departmentId, tags, List.of(), limit);
	}

	/**
	 * Published case studies tagged with any of {@code tags} or among {@code answeredBefore} (those
	 * that answered the same doubt elsewhere, the latest first), those first in that order, then
	 * those relevant to the department.
	 */
	public List<Pick> answering(long departmentId, Collection<String> tags, Collection<Long> answeredBefore, int limit) {
		return tags.isEmpty() && answeredBefore.isEmpty() ? List.of() : picks("""
				and (exists (select 1 from case_study_tag t where t.case_study_id = cs.id and t.tag = any(:tags))
				     or cs.id = any(cast(:preferred as bigint[])))
				""", departmentId, tags, answeredBefore, limit);
	}

	private List<Pick> picks(String condition, long departmentId, Collection<String> tags, int limit) {
		return picks(condition, departmentId, tags, List.of(), limit);
	}

	private List<Pick> picks(String condition, long departmentId, Collection<String> tags, Collection<Long> preferred,
			int limit) {
		return jdbc.sql("""
				select cs.id, cs.title,
				  exists (select 1 from case_study_tag t where t.case_study_id = cs.id and t.tag = any(:tags)) as on_topic,
				  exists (select 1 from case_study_department d where d.case_study_id = cs.id and d.department_id = :department) as relevant
				from case_study cs where cs.status = 'PUBLISHED'
				""" + condition + """
				order by array_position(cast(:preferred as bigint[]), cs.id) nulls last, on_topic desc, relevant desc,
				  %s desc, cs.published_at desc, cs.id desc
				limit :limit
				""".formatted(Readings.HELPFUL_COUNT))
			.param("department", departmentId)
			.param("tags", tags.toArray(String[]::new))
			.param("preferred", preferred.toArray(Long[]::new))
			.param("limit", limit)
			.query((rs, n) -> new Pick(rs.getLong("id"), rs.getString("title"), rs.getBoolean("on_topic")))
			.list();
	}

	/**
	 * A department's readers and helpful marks in the period ending on {@code day}, and whether a
	 * published case study for it is unread by its people now ({@code unreadToShare}; false where
	 * it wasn't looked for).
	 */
	public record Figures(LocalDate day, long departmentId, long readers, long helpfulMarks, boolean unreadToShare) {
	}

	/** A person of the department, with the case studies they read and the helpful marks they gave. */
	public record Reader(long personId, long caseStudiesRead, long helpfulMarks) {
	}

	/** A case study worth sharing, and whether it is about what was asked ({@code onTopic}). */
	public record Pick(long id, String title, boolean onTopic) {
	}

}
