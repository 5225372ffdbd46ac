package org.waterhole.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.shared.SqlArray;
import org.waterhole.shared.Texts;

/**
 * Writes the adoption timeline, which is append-only: events are added, never changed or
 * removed; a correction is a new event. What another module reports is added once per
 * {@code sourceKey}, however often it is delivered.
 */
@Service
@Transactional
public class AdoptionLog {

	private final JdbcClient jdbc;

	private final Timeline timeline;

	private final EvidenceChoices evidence;

	private final Clock clock;

	AdoptionLog(JdbcClient jdbc, Timeline timeline, EvidenceChoices evidence, Clock clock) {
		this.jdbc = jdbc;
		this.timeline = timeline;
		this.evidence = evidence;
		this.clock = clock;
	}

	/** Records what another module reported; a second delivery of the same report changes nothing. */
	@CacheEvict(cacheNames = AdoptionSignals.CACHE, allEntries = true)
	public void report(Report report) {
		jdbc.sql("""
				insert into adoption_event (occurred_on, kind, department_ids, title, outcome, subject_id, subject_sequence,
				                            champion_department_id, source_key)
				values (:on, :kind, cast(:departments as bigint[]), :title, :outcome, :subject, :sequence, :champion,
				        :source)
				on conflict (source_key) do nothing
				""")
			.param("on", report.on())
			.param("kind", report.kind().name())
			.param("departments", SqlArray.of(report.departmentIds()))
			.param("title", Texts.cut(report.title(), 300))
			.param("outcome", report.outcome())
			.param("subject", report.subjectId())
			.param("sequence", report.sequence())
			.param("champion", report.championDepartmentId(), java.sql.Types.BIGINT)
			.param("source", report.kind().name().toLowerCase() + ":" + report.subjectId() + ":" + report.sequence())
			.update();
	}

	/**
	 * What another module reported about one of its subjects (a case study, an experiment, a
	 * champion), at the subject's {@code sequence}: one report per subject, kind and sequence.
	 */
	public record Report(EventKind kind, LocalDate on, Collection<Long> departmentIds, String title, String outcome,
			long subjectId, long sequence, Long championDepartmentId) {
	}

	/**
	 * Records what the strategist tells: a stage change (from the stage the department was at on
	 * that day), a milestone, an objection or a note; one that answers an objection may say what
	 * answered it (a published case study, an active champion, a completed experiment).
	 */
	@CacheEvict(cacheNames = AdoptionSignals.CACHE, allEntries = true)
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
			// One stage change of a department at a time, so that each starts where the last ended.
			jdbc.sql("select pg_advisory_xact_lock(hashtextextended('adoption-stage:' || :department, 0))")
				.param("department", form.getDepartmentId())
				.query(Object.class)
				.optional();
			Timeline.StageSince latest = timeline.latestStage(form.getDepartmentId());
			if (latest.since() != null && form.getOccurredOn().isBefore(latest.since())) {
				throw new RecordRefused("occurredOn", "adoption.record.beforeLatestStage", latest.since());
			}
			from = latest.stage();
			if (from == form.getToStage()) {
				throw new RecordRefused("toStage", "adoption.record.sameStage");
			}
		}
		if (form.getKind() == EventKind.OBJECTION && form.getObjectionCategory() == null) {
			throw new RecordRefused("objectionCategory", "adoption.record.categoryRequired");
		}
		Long answers = form.getKind() == EventKind.OBJECTION ? null : form.getAnswersId();
		if (answers != null) {
			checkAnswer(answers, form);
		}
		// What answered the objection (ignored for an objection, like the objection it answers).
		EvidenceLink answeredWith = null;
		if (form.getKind() != EventKind.OBJECTION && form.getAnsweredWith() != null) {
			if (answers == null) {
				throw new RecordRefused("answeredWith", "adoption.record.evidenceWithoutObjection");
			}
			answeredWith = evidence.check(form.getAnsweredWith());
		}
		return jdbc.sql("""
				insert into adoption_event (occurred_on, kind, department_ids, title, details, from_stage, to_stage,
				                            objection_category, answers_id, answered_with, answered_with_id,
				                            recorded_by, recorded_at)
				values (:on, :kind, cast(:departments as bigint[]), :title, :details, :from, :to, :category, :answers,
				        :answeredWith, :answeredWithId, :by, :at)
				returning id
				""")
			.param("on", form.getOccurredOn())
			.param("kind", form.getKind().name())
			.param("departments", SqlArray.of(form.getDepartmentId()))
			.param("title", form.getTitle())
			.param("details", form.getDetails())
			.param("from", from == null ? null : from.name())
			.param("to", form.getKind() == EventKind.STAGE_CHANGE ? form.getToStage().name() : null)
			.param("category", form.getKind() == EventKind.OBJECTION ? form.getObjectionCategory().name() : null)
			.param("answers", answers)
			.param("answeredWith", answeredWith == null ? null : answeredWith.kind().name(), java.sql.Types.VARCHAR)
			.param("answeredWithId", answeredWith == null ? null : answeredWith.id(), java.sql.Types.BIGINT)
			.param("by", recordedBy)
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	/**
	 * An answer (a stage change, milestone or note) must be about an objection of the same
	 * department raised no later than the answer, that nobody has answered yet. The objection row
	 * is locked so that two answers at once can't both take it.
	 */
	private void checkAnswer(long objectionId, RecordForm form) {
		List<LocalDate> raised = jdbc.sql("""
				select occurred_on from adoption_event
				where id = :id and kind = 'OBJECTION' and :department = any(department_ids)
				for update
				""").param("id", objectionId).param("department", form.getDepartmentId()).query(LocalDate.class).list();
		if (raised.isEmpty()) {
			throw new RecordRefused("answersId", "adoption.record.notAnObjection");
		}
		if (form.getOccurredOn().isBefore(raised.get(0))) {
			throw new RecordRefused("answersId", "adoption.record.answerBeforeObjection");
		}
		boolean answered = jdbc.sql("select exists (select 1 from adoption_event where answers_id = :id)")
			.param("id", objectionId)
			.query(Boolean.class)
			.single();
		if (answered) {
			throw new RecordRefused("answersId", "adoption.record.alreadyAnswered");
		}
	}

	/** An event refused for a missing or wrong value: {@code field} and a message {@code code}. */
	static class RecordRefused extends RuntimeException {

		private final String field;

		private final String code;

		private final Object[] arguments;

		RecordRefused(String field, String code, Object... arguments) {
			super(code);
			this.field = field;
			this.code = code;
			this.arguments = arguments;
		}

		Object[] arguments() {
			return arguments;
		}

		String field() {
			return field;
		}

		String code() {
			return code;
		}

	}

}
