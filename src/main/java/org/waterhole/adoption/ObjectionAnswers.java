package org.waterhole.adoption;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What answered objections of a kind in the other departments, as the timeline recorded it (an
 * answering event that names its case study, champion or experiment): for the strategist's
 * playbook, which offers what worked before first.
 */
@Service
@Transactional(readOnly = true)
public class ObjectionAnswers {

	/** The most answers read for one suggestion: the latest. */
	static final int READ = 50;

	private static final String ELSEWHERE = """
			select * from (
			  select distinct on (ans.answered_with, ans.answered_with_id)
			    ans.answered_with, ans.answered_with_id, o.department_ids[1] as department_id, ans.occurred_on, ans.id
			  from adoption_event ans join adoption_event o on o.id = ans.answers_id
			  where ans.answered_with is not null and o.kind = 'OBJECTION' and o.objection_category = :category
			    and not (cast(:department as bigint) = any(o.department_ids))
			  order by ans.answered_with, ans.answered_with_id, ans.occurred_on desc, ans.id desc) latest
			order by occurred_on desc, id desc
			limit :limit
			""";

	private final JdbcClient jdbc;

	ObjectionAnswers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The case studies, champions and experiments that answered an objection of {@code category}
	 * in another department than {@code departmentId}, each once with the department and day of
	 * its latest such answer, the latest first.
	 */
	public List<Answer> elsewhere(ObjectionCategory category, long departmentId) {
		return jdbc.sql(ELSEWHERE)
			.param("category", category.name())
			.param("department", departmentId)
			.param("limit", READ)
			.query((rs, n) -> new Answer(Evidence.valueOf(rs.getString("answered_with")), rs.getLong("answered_with_id"),
					rs.getObject("department_id", Long.class), rs.getObject("occurred_on", LocalDate.class)))
			.list();
	}

	/** What answered an objection of the kind ({@code kind}, {@code id}), in which department, on which day. */
	public record Answer(Evidence kind, long id, Long departmentId, LocalDate answeredOn) {
	}

}
