package org.waterhole.champion;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.shared.SqlArray;

/**
 * What the champions do for each department, for the strategist's playbook: their activities
 * per period, and who could answer a department's doubts.
 */
@Service
@Transactional(readOnly = true)
public class ChampionSupport {

	private final JdbcClient jdbc;

	ChampionSupport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * For each department and day: the champions' activities in the {@code days} days up to and
	 * including that day, counted toward the department the champion was in when each was
	 * logged. One statement for every department and day asked.
	 */
	public List<Activities> activities(Collection<Long> departmentIds, Collection<LocalDate> onDays, int days) {
		return jdbc.sql("""
				select days.day, departments.id as department_id,
				  (select count(*) from champion_activity a
				   where a.department_id = departments.id and a.occurred_on > days.day - :days and a.occurred_on <= days.day) as activities
				from unnest(cast(:onDays as date[])) as days(day) cross join unnest(cast(:ids as bigint[])) as departments(id)
				""")
			.param("days", days)
			.param("onDays", SqlArray.of(onDays))
			.param("ids", SqlArray.of(departmentIds))
			.query((rs, n) -> new Activities(rs.getObject("day", LocalDate.class), rs.getLong("department_id"),
					rs.getLong("activities")))
			.list();
	}

	/**
	 * Active champions with any of the skills (all active ones when none is given), or among
	 * {@code answeredBefore} (they answered the same doubt elsewhere, the latest first). Those of the
	 * department first (the one to ask first), then, of the department and of the others, those who
	 * answered it before (in that order), those open to mentoring, the most active lately.
	 */
	public List<Helper> helpers(long departmentId, Collection<String> skills, Collection<Long> answeredBefore,
			LocalDate activeSince, int limit) {
		return jdbc.sql("""
				select c.id, c.person_name, c.department_id, c.open_to_mentoring,
				  array(select s.skill from champion_skill s where s.champion_id = c.id and s.skill = any(cast(:skills as text[]))
				        order by s.skill) as matched
				from champion c
				where c.status = 'ACTIVE'
				  and (cardinality(cast(:skills as text[])) = 0 or c.id = any(cast(:preferred as bigint[]))
				       or exists (select 1 from champion_skill s where s.champion_id = c.id and s.skill = any(cast(:skills as text[]))))
				order by c.department_id is not distinct from :department desc,
				  array_position(cast(:preferred as bigint[]), c.id) nulls last, c.open_to_mentoring desc,
				  (select count(*) from champion_activity a where a.champion_id = c.id and a.occurred_on >= :since) desc,
				  c.person_name, c.id
				limit :limit
				""")
			.param("skills", skills.toArray(String[]::new))
			.param("preferred", answeredBefore.toArray(Long[]::new))
			.param("department", departmentId)
			.param("since", activeSince)
			.param("limit", limit)
			.query((rs, n) -> new Helper(rs.getLong("id"), rs.getString("person_name"),
					rs.getObject("department_id", Long.class), rs.getLong("department_id") == departmentId,
					rs.getBoolean("open_to_mentoring"), List.of((String[]) rs.getArray("matched").getArray())))
			.list();
	}

	/**
	 * The offers to volunteer that wait for the strategist, oldest first (they are few: each is
	 * answered on the requests page); the playbook names those of a department's people first.
	 */
	public List<Volunteer> waitingVolunteers() {
		return jdbc.sql("""
				select id, person_id, created_at from champion_request where status = 'PENDING'
				order by created_at, id
				""")
			.query((rs, n) -> new Volunteer(rs.getLong("id"), rs.getLong("person_id"),
					rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()))
			.list();
	}

	/** A department's champion activities in the period ending on {@code day}. */
	public record Activities(LocalDate day, long departmentId, long activities) {
	}

	/**
	 * An active champion who could help: their department ({@code null}: none), whether that is the
	 * department itself, open to mentoring, and which of the skills asked for they have.
	 */
	public record Helper(long id, String name, Long departmentId, boolean sameDepartment, boolean openToMentoring,
			List<String> skills) {
	}

	/** An offer to volunteer that waits for the strategist: by whom, since when. */
	public record Volunteer(long requestId, long personId, java.time.Instant offeredAt) {
	}

}
