package org.waterhole.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the adoption timeline, which is append-only: events are added, never changed or
 * removed; a correction is a new event. What another module reports is added once per
 * {@code sourceKey}, however often it is delivered.
 */
@Service
@Transactional
public class AdoptionLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AdoptionLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records what another module reported; a second delivery of the same report changes nothing. */
	public void report(EventKind kind, LocalDate on, Collection<Long> departmentIds, String title, String outcome,
			long subjectId, String sourceKey) {
		jdbc.sql("""
				insert into adoption_event (occurred_on, kind, department_ids, title, outcome, subject_id, source_key)
				values (:on, :kind, cast(:departments as bigint[]), :title, :outcome, :subject, :source)
				on conflict (source_key) do nothing
				""")
			.param("subject", subjectId)
			.param("on", on)
			.param("kind", kind.name())
			.param("departments", BigintArray.of(departmentIds))
			.param("title", title.length() > 300 ? title.substring(0, 299) + "…" : title)
			.param("outcome", outcome)
			.param("source", sourceKey)
			.update();
	}

	/**
	 * Records what the strategist tells: a stage change (from the stage the department was at on
	 * that day), a milestone, an objection or a note.
	 */
	public long record(RecordForm form, long recordedBy) {
		if (!form.getKind().recordedByHand()) {
			throw new RecordRefused("kind", "adoption.record.kindNotByHand");
		}
		if (form.getOccurredOn().isAfter(LocalDate.now(clock))) {
			throw new RecordRefused("occurredOn", "adoption.record.future");
		}
		Stage from = null;
		if (form.getKind() == EventKind.STAGE_CHANGE) {
			if (form.getToStage() == null) {
				throw new RecordRefused("toStage", "adoption.record.stageRequired");
			}
			from = stageOn(form.getDepartmentId(), form.getOccurredOn());
			if (from == form.getToStage()) {
				throw new RecordRefused("toStage", "adoption.record.sameStage");
			}
		}
		if (form.getKind() == EventKind.OBJECTION && form.getObjectionCategory() == null) {
			throw new RecordRefused("objectionCategory", "adoption.record.categoryRequired");
		}
		return jdbc.sql("""
				insert into adoption_event (occurred_on, kind, department_ids, title, details, from_stage, to_stage,
				                            objection_category, recorded_by, recorded_at)
				values (:on, :kind, cast(:departments as bigint[]), :title, :details, :from, :to, :category, :by, :at)
				returning id
				""")
			.param("on", form.getOccurredOn())
			.param("kind", form.getKind().name())
			.param("departments", BigintArray.of(form.getDepartmentId()))
			.param("title", form.getTitle())
			.param("details", form.getDetails())
			.param("from", from == null ? null : from.name())
			.param("to", form.getKind() == EventKind.STAGE_CHANGE ? form.getToStage().name() : null)
			.param("category", form.getKind() == EventKind.OBJECTION ? form.getObjectionCategory().name() : null)
			.param("by", recordedBy)
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	/** The stage a department was at on a day: that of its latest stage change until then. */
	@Transactional(readOnly = true)
	public Stage stageOn(long departmentId, LocalDate on) {
		List<String> stages = jdbc.sql("""
				select to_stage from adoption_event
				where kind = 'STAGE_CHANGE' and department_ids[1] = :department and occurred_on <= :on
				order by occurred_on desc, id desc limit 1
				""").param("department", departmentId).param("on", on).query(String.class).list();
		return stages.isEmpty() ? Stage.UNAWARE : Stage.valueOf(stages.get(0));
	}

	/** An event refused for a missing or wrong value: {@code field} and a message {@code code}. */
	static class RecordRefused extends RuntimeException {

		private final String field;

		private final String code;

		RecordRefused(String field, String code) {
			super(code);
			this.field = field;
			this.code = code;
		}

		String field() {
			return field;
		}

		String code() {
			return code;
		}

	}

}
