package org.waterhole.adoption;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.shared.SqlArray;

/**
 * Where each department stood in its adoption on given days, as the timeline tells it: its
 * stage and since when, its open objections, its active champions (the champions' latest
 * reports), its experiments (their latest reports), and its last event recorded by hand. One
 * statement for every department and day asked (a champion counts where their latest report until
 * the day places them, so only those some report placed in the departments asked are looked at);
 * the strategist's playbook reads it.
 */
@Service
@Transactional(readOnly = true)
public class AdoptionSignals {

	/**
	 * Answers are kept for a minute: the strategist's agenda asks the same question (every
	 * department, today) on every visit to the home page. Recording an event (or another module's
	 * report) empties the cache once its transaction commits. One request counts a missing answer
	 * while the others asking for it wait: counting takes the best part of a second, and sixteen
	 * requests at once counting the same answer took as many times the work.
	 */
	public static final String CACHE = "adoptionSignals";

	/** Experiments count as recent for this many days after they ended. */
	public static final int EXPERIMENT_DAYS = 365;

	private final JdbcClient jdbc;

	AdoptionSignals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Cacheable(cacheNames = CACHE, sync = true)
	public List<Standing> on(Collection<Long> departmentIds, Collection<LocalDate> days) {
		return List.copyOf(jdbc.sql("""
				with days as (select unnest(cast(:days as date[])) as day),
				departments as (select unnest(cast(:ids as bigint[])) as id),
				champions as (
				  select days.day, latest.champion_department_id as department_id, count(*) as champions
				  from days cross join lateral (
				    select distinct on (e.subject_id) e.champion_department_id from adoption_event e
				    where e.kind in ('CHAMPION_JOINED', 'CHAMPION_LEFT', 'CHAMPION_MOVED') and e.occurred_on <= days.day
				      and e.subject_id in (
				        select c.subject_id from adoption_event c
				        where c.kind in ('CHAMPION_JOINED', 'CHAMPION_LEFT', 'CHAMPION_MOVED')
				          and c.champion_department_id = any(cast(:ids as bigint[])) and c.occurred_on <= days.day)
				    order by e.subject_id, e.subject_sequence desc, e.id desc) latest
				  where latest.champion_department_id = any(cast(:ids as bigint[]))
				  group by days.day, latest.champion_department_id)
				select days.day, d.id as department_id, stage.to_stage, stage.occurred_on as stage_since,
				  objections.open, objections.newest, objections.categories,
				  coalesce(champions.champions, 0) as champions,
				  (select count(*) from adoption_event c
				   where c.kind in ('CHAMPION_JOINED', 'CHAMPION_LEFT', 'CHAMPION_MOVED')
				     and c.department_ids @> array[d.id] and c.occurred_on <= days.day) as champion_reports,
				  experiments.running, experiments.succeeded, experiments.other, experiments.started,
				  (select max(r.occurred_on) from adoption_event r
				   where r.department_ids @> array[d.id] and r.kind in ('STAGE_CHANGE', 'MILESTONE', 'OBJECTION', 'NOTE')
				     and r.occurred_on <= days.day) as last_recorded
				from days cross join departments d
				left join lateral (
				  select e.to_stage, e.occurred_on from adoption_event e
				  where e.kind = 'STAGE_CHANGE' and e.department_ids[1] = d.id and e.occurred_on <= days.day
				  order by e.occurred_on desc, e.id desc limit 1) stage on true
				left join lateral (
				  select count(*) as open, (array_agg(o.id order by o.occurred_on desc, o.id desc))[1] as newest, array_agg(distinct o.objection_category) as categories
				  from adoption_event o
				  where o.kind = 'OBJECTION' and o.department_ids @> array[d.id] and o.occurred_on <= days.day
				    and not exists (select 1 from adoption_event a where a.answers_id = o.id and a.occurred_on <= days.day)
				  ) objections on true
				left join champions on champions.day = days.day and champions.department_id = d.id
				left join lateral (
				  select count(*) filter (where x.started_on <= days.day and (x.ended_on is null or x.ended_on > days.day)) as running,
				    count(*) filter (where x.outcome = 'SUCCEEDED' and x.ended_on <= days.day
				                     and x.ended_on > days.day - :recent) as succeeded,
				    count(*) filter (where x.outcome in ('FAILED', 'INCONCLUSIVE') and x.ended_on <= days.day
				                     and x.ended_on > days.day - :recent) as other,
				    count(*) filter (where x.started_on <= days.day) as started
				  from adoption_experiment x where x.department_id = d.id) experiments on true
				""")
			.param("days", SqlArray.of(days))
			.param("ids", SqlArray.of(departmentIds))
			.param("recent", EXPERIMENT_DAYS)
			.query(AdoptionSignals::standing)
			.list());
	}

	private static Standing standing(ResultSet rs, int n) throws SQLException {
		String stage = rs.getString("to_stage");
		Set<ObjectionCategory> categories = EnumSet.noneOf(ObjectionCategory.class);
		Array array = rs.getArray("categories");
		if (array != null) {
			Arrays.stream((Object[]) array.getArray())
				.filter(Objects::nonNull)
				.forEach(category -> categories.add(ObjectionCategory.valueOf(category.toString())));
		}
		return new Standing(rs.getObject("day", LocalDate.class), rs.getLong("department_id"),
				stage == null ? Stage.UNAWARE : Stage.valueOf(stage), rs.getObject("stage_since", LocalDate.class),
				rs.getLong("open"), (Long) rs.getObject("newest"), categories, rs.getLong("champions"),
				rs.getLong("champion_reports"), rs.getLong("running"), rs.getLong("succeeded"), rs.getLong("other"),
				rs.getLong("started"),
				rs.getObject("last_recorded", LocalDate.class));
	}

	/**
	 * A department on a day: its stage (unaware before any stage change) and the day it got there
	 * ({@code null} if it never moved); its open objections, the newest one's id and their
	 * categories; its active champions, and how many champion reports (joined, left, moved) it has
	 * had in all; its experiments running, those that ended with an outcome within
	 * {@value #EXPERIMENT_DAYS} days, and those ever started; the day of its last event recorded
	 * by hand.
	 */
	public record Standing(LocalDate day, long departmentId, Stage stage, LocalDate stageSince, long openObjections,
			Long newestObjection, Set<ObjectionCategory> objectionCategories, long activeChampions,
			long championReports, long runningExperiments, long succeededExperiments, long otherExperiments,
			long startedExperiments, LocalDate lastRecorded) {

		public Standing {
			objectionCategories = objectionCategories.isEmpty() ? Set.of() : Set.copyOf(objectionCategories);
		}

	}

}
