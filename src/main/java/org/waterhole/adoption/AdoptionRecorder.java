package org.waterhole.adoption;

import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.waterhole.casestudy.CaseStudyPublished;
import org.waterhole.champion.ChampionJoined;
import org.waterhole.champion.ChampionLeft;
import org.waterhole.experiment.ExperimentAbandoned;
import org.waterhole.experiment.ExperimentCompleted;
import org.waterhole.experiment.ExperimentStarted;

/**
 * Records what the other modules report onto the adoption timeline. Each listener runs after the
 * reporting transaction committed, in its own; Spring Modulith's event publication registry
 * keeps the event until the listener succeeded, so an event is not lost when the application
 * stops in between or the listener fails (it is delivered again on restart). Recording is
 * idempotent, so a second delivery adds nothing.
 */
@Component
class AdoptionRecorder {

	private final AdoptionLog log;

	private final JdbcClient jdbc;

	AdoptionRecorder(AdoptionLog log, JdbcClient jdbc) {
		this.log = log;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(CaseStudyPublished event) {
		log.report(EventKind.CASE_STUDY_PUBLISHED, event.publishedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
				event.departmentIds(), event.title(), null, event.caseStudyId(), "case-study-published:" + event.caseStudyId());
	}

	@ApplicationModuleListener
	void on(ExperimentStarted event) {
		log.report(EventKind.EXPERIMENT_STARTED, event.startedOn(), List.of(event.departmentId()), event.title(), null,
				event.experimentId(), "experiment-started:" + event.experimentId());
	}

	@ApplicationModuleListener
	void on(ExperimentCompleted event) {
		log.report(EventKind.EXPERIMENT_COMPLETED, event.completedOn(), List.of(event.departmentId()), event.title(),
				event.outcome().name(), event.experimentId(), "experiment-completed:" + event.experimentId());
	}

	@ApplicationModuleListener
	void on(ExperimentAbandoned event) {
		log.report(EventKind.EXPERIMENT_ABANDONED, event.abandonedOn(), List.of(event.departmentId()), event.title(),
				event.startedOn() == null ? null : "STARTED", event.experimentId(), "experiment-abandoned:" + event.experimentId());
	}

	@ApplicationModuleListener
	void on(ChampionJoined event) {
		log.report(EventKind.CHAMPION_JOINED, event.on(), departments(event.departmentId()), event.name(), null,
				event.championId(), "champion-joined:" + event.championId() + ":" + event.on());
		champion(event.championId(), event.departmentId(), true, event.on());
	}

	@ApplicationModuleListener
	void on(ChampionLeft event) {
		log.report(EventKind.CHAMPION_LEFT, event.on(), departments(event.departmentId()), event.name(),
				event.now().name(), event.championId(), "champion-left:" + event.championId() + ":" + event.on() + ":" + event.now());
		champion(event.championId(), event.departmentId(), false, event.on());
	}

	/** Keeps who is an active champion where, for coverage; the latest change by date wins. */
	private void champion(long championId, Long departmentId, boolean active, java.time.LocalDate on) {
		jdbc.sql("""
				insert into adoption_champion (champion_id, department_id, active, changed_on)
				values (:champion, :department, :active, :on)
				on conflict (champion_id) do update
				  set department_id = excluded.department_id, active = excluded.active, changed_on = excluded.changed_on
				  where adoption_champion.changed_on <= excluded.changed_on
				""")
			.param("champion", championId)
			.param("department", departmentId)
			.param("active", active)
			.param("on", on)
			.update();
	}

	private static Set<Long> departments(Long departmentId) {
		return departmentId == null ? Set.of() : Set.of(departmentId);
	}

}
