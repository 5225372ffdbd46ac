package org.waterhole.playbook;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waterhole.shared.SqlArray;

/** Suggestions the strategist dismissed, one per department and rule. */
@Repository
class Dismissals {

	private final JdbcClient jdbc;

	private final Clock clock;

	Dismissals(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Dismisses a rule's suggestion for a department on the figures given, replacing an earlier dismissal. */
	void dismiss(long departmentId, Rule rule, String signals, String reason, long by) {
		jdbc.sql("""
				insert into playbook_dismissal (department_id, rule, signals, reason, dismissed_by, dismissed_at)
				values (:department, :rule, :signals, :reason, :by, :now)
				on conflict (department_id, rule) do update set signals = excluded.signals, reason = excluded.reason,
				  dismissed_by = excluded.dismissed_by, dismissed_at = excluded.dismissed_at
				""")
			.param("department", departmentId)
			.param("rule", rule.name())
			.param("signals", signals)
			.param("reason", reason)
			.param("by", by)
			.param("now", OffsetDateTime.now(clock))
			.update();
	}

	/** Takes a dismissal back; false if there was none. */
	boolean restore(long departmentId, Rule rule) {
		return jdbc.sql("delete from playbook_dismissal where department_id = :department and rule = :rule")
			.param("department", departmentId)
			.param("rule", rule.name())
			.update() > 0;
	}

	List<Dismissal> of(Collection<Long> departmentIds) {
		return jdbc.sql("""
				select department_id, rule, signals, reason, dismissed_by, dismissed_at from playbook_dismissal
				where department_id = any(cast(:ids as bigint[]))
				""")
			.param("ids", SqlArray.of(departmentIds))
			.query((rs, n) -> new Dismissal(rs.getLong("department_id"), Rule.valueOf(rs.getString("rule")),
					rs.getString("signals"), rs.getString("reason"), rs.getLong("dismissed_by"),
					rs.getObject("dismissed_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** A dismissed suggestion: on which figures, why, by whom (a person's id) and when. */
	record Dismissal(long departmentId, Rule rule, String signals, String reason, long dismissedBy,
			Instant dismissedAt) {
	}

}
