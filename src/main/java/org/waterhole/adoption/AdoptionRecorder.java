package org.waterhole.adoption;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.waterhole.adoption.AdoptionLog.Report;
import org.waterhole.casestudy.CaseStudyPublished;
import org.waterhole.champion.ChampionJoined;
import org.waterhole.champion.ChampionLeft;
import org.waterhole.champion.ChampionMoved;
import org.waterhole.experiment.ExperimentAbandoned;
import org.waterhole.experiment.ExperimentCompleted;
import org.waterhole.experiment.ExperimentRunCorrected;
import org.waterhole.experiment.ExperimentStarted;
import org.waterhole.experiment.Outcome;

/**
 * Records what the other modules report onto the adoption timeline. Each listener runs after the
 * reporting transaction committed, in its own; Spring Modulith's event publication registry
 * keeps the event until the listener succeeded, so an event is not lost when the application
 * stops in between or the listener fails (it is delivered again). Recording is idempotent (one
 * timeline entry per subject, kind and sequence), so a second delivery adds nothing, and the
 * experiments' read model only takes a report newer than the one it holds.
 */
@Component
class AdoptionRecorder {

	private final AdoptionLog log;

	private final JdbcClient jdbc;

	private final Clock clock;

	AdoptionRecorder(AdoptionLog log, JdbcClient jdbc, Clock clock) {
		this.log = log;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A case study is on the timeline on the day it was published, where the application is. */
	@ApplicationModuleListener
	void on(CaseStudyPublished event) {
		log.report(new Report(EventKind.CASE_STUDY_PUBLISHED, event.publishedAt().atZone(clock.getZone()).toLocalDate(),
				event.departmentIds(), event.title(), null, event.caseStudyId(), 0, null));
	}

	@ApplicationModuleListener
	void on(ExperimentStarted event) {
		log.report(new Report(EventKind.EXPERIMENT_STARTED, event.startedOn(), List.of(event.departmentId()),
				event.title(), null, event.experimentId(), event.sequence(), null));
		run(event.experimentId(), event.departmentId(), event.startedOn(), null, null, false, event.sequence());
	}

	@ApplicationModuleListener
	void on(ExperimentCompleted event) {
		log.report(new Report(EventKind.EXPERIMENT_COMPLETED, event.completedOn(), List.of(event.departmentId()),
				event.title(), event.outcome().name(), event.experimentId(), event.sequence(), null));
		run(event.experimentId(), event.departmentId(), event.startedOn(), event.completedOn(), event.outcome(), false,
				event.sequence());
	}

	/** The outcome column says whether it had started: {@code STARTED}, or null if it never ran. */
	@ApplicationModuleListener
	void on(ExperimentAbandoned event) {
		log.report(new Report(EventKind.EXPERIMENT_ABANDONED, event.abandonedOn(), List.of(event.departmentId()),
				event.title(), event.startedOn() == null ? null : "STARTED", event.experimentId(), event.sequence(),
				null));
		run(event.experimentId(), event.departmentId(), event.startedOn(), event.abandonedOn(), null, true,
				event.sequence());
	}

	@ApplicationModuleListener
	void on(ExperimentRunCorrected event) {
		log.report(new Report(EventKind.EXPERIMENT_RUN_CORRECTED, event.correctedOn(), List.of(event.departmentId()),
				event.title(), null, event.experimentId(), event.sequence(), null));
		run(event.experimentId(), event.departmentId(), event.startedOn(), event.endedOn(), event.outcome(), false,
				event.sequence());
	}

	@ApplicationModuleListener
	void on(ChampionJoined event) {
		log.report(new Report(EventKind.CHAMPION_JOINED, event.on(), departments(event.departmentId()), event.name(),
				null, event.championId(), event.sequence(), event.departmentId()));
	}

	/** The outcome column says what they are now: {@code PAUSED} or {@code ALUMNI}. */
	@ApplicationModuleListener
	void on(ChampionLeft event) {
		log.report(new Report(EventKind.CHAMPION_LEFT, event.on(), departments(event.departmentId()), event.name(),
				event.now().name(), event.championId(), event.sequence(), null));
	}

	/** On the timelines of both departments, the one they moved to first. */
	@ApplicationModuleListener
	void on(ChampionMoved event) {
		List<Long> departments = new ArrayList<>(departments(event.toDepartmentId()));
		departments.addAll(departments(event.fromDepartmentId()));
		log.report(new Report(EventKind.CHAMPION_MOVED, event.on(), departments, event.name(), null,
				event.championId(), event.sequence(), event.toDepartmentId()));
	}

	/** Keeps an experiment's run as its latest report tells it. */
	private void run(long experimentId, long departmentId, LocalDate startedOn, LocalDate endedOn, Outcome outcome,
			boolean abandoned, long sequence) {
		jdbc.sql("""
				insert into adoption_experiment (experiment_id, department_id, started_on, ended_on, outcome, abandoned,
				                                 sequence)
				values (:experiment, :department, :started, :ended, :outcome, :abandoned, :sequence)
				on conflict (experiment_id) do update
				  set department_id = excluded.department_id, started_on = excluded.started_on,
				      ended_on = excluded.ended_on, outcome = excluded.outcome, abandoned = excluded.abandoned,
				      sequence = excluded.sequence
				  where adoption_experiment.sequence < excluded.sequence
				""")
			.param("experiment", experimentId)
			.param("department", departmentId)
			.param("started", startedOn, Types.DATE)
			.param("ended", endedOn, Types.DATE)
			.param("outcome", outcome == null ? null : outcome.name(), Types.VARCHAR)
			.param("abandoned", abandoned)
			.param("sequence", sequence)
			.update();
	}

	private static List<Long> departments(Long departmentId) {
		return departmentId == null ? List.of() : List.of(departmentId);
	}

}
