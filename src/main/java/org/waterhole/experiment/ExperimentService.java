package org.waterhole.experiment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.casestudy.CaseStudyCard;
import org.waterhole.casestudy.Library;
import org.waterhole.experiment.Experiment.ChangeRefused;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.PersonService;
import org.waterhole.shared.NotFoundException;
import org.waterhole.shared.StaleEditException;

/**
 * Writes experiments and takes them through their lifecycle, checking every change on the
 * server; records measurements; links the case studies that inspired them. Starting,
 * completing and abandoning an experiment publish {@link ExperimentStarted},
 * {@link ExperimentCompleted} and {@link ExperimentAbandoned}.
 */
@Service
@Transactional(readOnly = true)
public class ExperimentService {

	private final ExperimentRepository experiments;

	private final DepartmentService departments;

	private final PersonService people;

	private final Library library;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ExperimentService(ExperimentRepository experiments, DepartmentService departments, PersonService people,
			Library library, ApplicationEventPublisher events, Clock clock) {
		this.experiments = experiments;
		this.departments = departments;
		this.people = people;
		this.library = library;
		this.events = events;
		this.clock = clock;
	}

	public ExperimentView view(long id) {
		Experiment experiment = load(id);
		Map<Long, String> departmentNames = departments.options()
			.stream()
			.collect(Collectors.toMap(DepartmentOption::getId, DepartmentOption::getName));
		return new ExperimentView(experiment.getId(), experiment.getTitle(), experiment.getHypothesis(),
				experiment.getDepartmentId(), departmentNames.get(experiment.getDepartmentId()),
				experiment.getPlatform(), experiment.getOwnerId(),
				people.nameOf(experiment.getOwnerId()).orElse(null), experiment.getStatus(), experiment.getImpact(),
				experiment.getConfidence(), experiment.getEase(), experiment.getIceScore(), experiment.getPlannedStart(),
				experiment.getPlannedEnd(), experiment.getActualStart(), experiment.getActualEnd(),
				experiment.getMetricName(), experiment.getMetricUnit(), experiment.getBaseline(),
				experiment.getTarget(), experiment.getDirection(), experiment.getOutcome(),
				experiment.getLearnings(), experiment.getAbandonReason(),
				experiment.measurementsInOrder()
					.stream()
					.map(m -> new ExperimentView.MeasurementRow(m.getId(), m.getMeasuredOn(), m.getValue(),
							m.getNote(), m.getVersion()))
					.toList(),
				library.titles(experiment.getCaseStudyIds()), experiment.getResultCaseStudyId(), experiment.getVersion(),
				experiment.getUpdatedAt());
	}

	ExperimentForm form(long id) {
		Experiment experiment = load(id);
		ExperimentForm form = new ExperimentForm();
		form.setTitle(experiment.getTitle());
		form.setHypothesis(experiment.getHypothesis());
		form.setDepartmentId(experiment.getDepartmentId());
		form.setPlatform(experiment.getPlatform());
		form.setOwnerEmail(people.emailOf(experiment.getOwnerId()).orElse(null));
		form.setImpact(experiment.getImpact());
		form.setConfidence(experiment.getConfidence());
		form.setEase(experiment.getEase());
		form.setPlannedStart(experiment.getPlannedStart());
		form.setPlannedEnd(experiment.getPlannedEnd());
		form.setActualStart(experiment.getActualStart());
		form.setActualEnd(experiment.getActualEnd());
		form.setMetricName(experiment.getMetricName());
		form.setMetricUnit(experiment.getMetricUnit());
		form.setBaseline(plain(experiment.getBaseline()));
		form.setTarget(plain(experiment.getTarget()));
		form.setDirection(experiment.getDirection());
		form.setVersion(experiment.getVersion());
		return form;
	}

	/**
	 * A new experiment's form modelled on another one (a success elsewhere, say): its title,
	 * hypothesis, platform, ICE scores and metric, for {@code departmentId}, with no dates,
	 * owned by whoever fills it in. A 404 when there is no such experiment.
	 */
	ExperimentForm formFrom(long id, Long departmentId, String ownerEmail) {
		ExperimentForm model = form(id);
		ExperimentForm form = new ExperimentForm();
		form.setTitle(model.getTitle());
		form.setHypothesis(model.getHypothesis());
		form.setDepartmentId(departmentId);
		form.setPlatform(model.getPlatform());
		form.setOwnerEmail(ownerEmail);
		form.setImpact(model.getImpact());
		form.setConfidence(model.getConfidence());
		form.setEase(model.getEase());
		form.setMetricName(model.getMetricName());
		form.setMetricUnit(model.getMetricUnit());
		form.setBaseline(model.getBaseline());
		form.setTarget(model.getTarget());
		form.setDirection(model.getDirection());
		return form;
	}

	/**
	 * A new experiment's form that tries out a published case study: its title and first
	 * platform, linked to it once saved, for {@code departmentId} (else the one department the case
	 * study suits, if it suits one alone), owned by whoever fills it in.
	 * A 404 when there is no such published case study.
	 */
	ExperimentForm formInspiredBy(long caseStudyId, Long departmentId, String ownerEmail) {
		CaseStudyCard caseStudy = library.published(caseStudyId)
			.orElseThrow(() -> new NotFoundException("Case study", caseStudyId));
		ExperimentForm form = new ExperimentForm();
		form.setTitle(caseStudy.title());
		form.setPlatform(caseStudy.platforms().isEmpty() ? null : caseStudy.platforms().get(0));
		// The department asked for, else the case study's when it suits one alone: never the strategist's own.
		List<Long> suited = caseStudy.departmentIds();
		form.setDepartmentId(departmentId != null ? departmentId : suited.size() == 1 ? suited.get(0) : null);
		form.setOwnerEmail(ownerEmail);
		form.setInspiredBy(String.valueOf(caseStudyId));
		return form;
	}

	/** The title, for a page about the experiment (its history); a 404 when there is none. */
	String title(long id) {
		return load(id).getTitle();
	}

	ExperimentStatus status(long id) {
		return load(id).getStatus();
	}

	@Transactional
	public long create(ExperimentForm form) {
		return create(form, false);
	}

	/**
	 * Records a new experiment; {@code planned}: straight into the plan, which takes its planned
	 * dates (see {@link Experiment#plan}).
	 */
	@Transactional
	public long create(ExperimentForm form, boolean planned) {
		Experiment experiment = new Experiment(plan(form));
		Long inspiredBy = form.inspiredById();
		if (inspiredBy != null && library.isPublished(inspiredBy)) {
			experiment.getCaseStudyIds().add(inspiredBy);
		}
		if (planned) {
			experiment.plan(form.getPlannedStart(), form.getPlannedEnd());
		}
		return experiments.saveAndFlush(experiment).getId();
	}

	@Transactional
	public void update(long id, ExperimentForm form) {
		Experiment experiment = locked(id);
		StaleEditException.check("Experiment", id, form.getVersion(), experiment.getVersion());
		experiment.edit(plan(form));
		LocalDate start = experiment.getActualStart();
		LocalDate end = experiment.getActualEnd();
		experiment.correctRun(form.getActualStart(), form.getActualEnd(), today());
		experiments.flush();
		if (!Objects.equals(start, experiment.getActualStart()) || !Objects.equals(end, experiment.getActualEnd())) {
			events.publishEvent(new ExperimentRunCorrected(experiment.getId(), experiment.getTitle(),
					experiment.getDepartmentId(), experiment.getActualStart(), experiment.getActualEnd(),
					experiment.getOutcome(), today(), experiment.getVersion()));
		}
	}

	@Transactional
	public void plan(long id, Long version, LocalDate start, LocalDate end) {
		current(id, version).plan(start, end);
	}

	@Transactional
	public void start(long id, Long version, LocalDate on) {
		Experiment experiment = current(id, version);
		experiment.start(on, today());
		experiments.flush();
		events.publishEvent(new ExperimentStarted(experiment.getId(), experiment.getTitle(),
				experiment.getDepartmentId(), experiment.getPlatform(), experiment.getActualStart(),
				experiment.getVersion()));
	}

	@Transactional
	public void complete(long id, Long version, Outcome outcome, String learnings, LocalDate on) {
		Experiment experiment = current(id, version);
		experiment.complete(outcome, learnings, on, today());
		experiments.flush();
		events.publishEvent(new ExperimentCompleted(experiment.getId(), experiment.getTitle(),
				experiment.getDepartmentId(), experiment.getPlatform(), outcome, experiment.getActualStart(),
				experiment.getActualEnd(), experiment.getVersion()));
	}

	@Transactional
	public void abandon(long id, Long version, String reason, LocalDate on) {
		Experiment experiment = current(id, version);
		experiment.abandon(reason, on, today());
		experiments.flush();
		events.publishEvent(new ExperimentAbandoned(experiment.getId(), experiment.getTitle(),
				experiment.getDepartmentId(), experiment.getPlatform(), experiment.getActualStart(),
				experiment.getActualEnd() != null ? experiment.getActualEnd() : today(), experiment.getVersion()));
	}

	@Transactional
	public void addMeasurement(long id, MeasurementForm form) {
		locked(id).addMeasurement(form.getMeasuredOn(), form.getValue(), form.getNote(), today());
		experiments.touch(id, clock.instant());
	}

	@Transactional
	public void updateMeasurement(long id, long measurementId, MeasurementForm form) {
		Experiment experiment = locked(id);
		Measurement measurement = measurement(experiment, measurementId);
		StaleEditException.check("Measurement", measurementId, form.getVersion(), measurement.getVersion());
		experiment.changeMeasurement(measurement, form.getMeasuredOn(), form.getValue(), form.getNote(), today());
		experiments.touch(id, clock.instant());
	}

	@Transactional
	public void deleteMeasurement(long id, long measurementId, Long version) {
		Experiment experiment = locked(id);
		Measurement measurement = measurement(experiment, measurementId);
		StaleEditException.check("Measurement", measurementId, version, measurement.getVersion());
		experiment.removeMeasurement(measurement);
		experiments.touch(id, clock.instant());
	}

	MeasurementForm measurementForm(long id, long measurementId) {
		Measurement measurement = measurement(load(id), measurementId);
		MeasurementForm form = new MeasurementForm();
		form.setMeasuredOn(measurement.getMeasuredOn());
		form.setValue(plain(measurement.getValue()));
		form.setNote(measurement.getNote());
		form.setVersion(measurement.getVersion());
		return form;
	}

	/** Remembers the case study written from the experiment's result. */
	@Transactional
	void recordResultCaseStudy(long id, long caseStudyId) {
		load(id).recordResultCaseStudy(caseStudyId);
	}

	/** Links a published case study that inspired the experiment. */
	@Transactional
	public void linkCaseStudy(long id, long caseStudyId) {
		if (!library.isPublished(caseStudyId)) {
			throw new NotFoundException("Case study", caseStudyId);
		}
		load(id).getCaseStudyIds().add(caseStudyId);
	}

	/** Unlinks a case study; {@code false} if it wasn't linked (any more). */
	@Transactional
	public boolean unlinkCaseStudy(long id, long caseStudyId) {
		return load(id).getCaseStudyIds().remove(caseStudyId);
	}

	private Experiment.Plan plan(ExperimentForm form) {
		if (departments.options().stream().noneMatch(d -> d.getId().equals(form.getDepartmentId()))) {
			throw new ChangeRefused("departmentId", "experiment.department.unknown");
		}
		long owner = people.idByEmail(form.getOwnerEmail())
			.orElseThrow(() -> new ChangeRefused("ownerEmail", "experiment.owner.unknown"));
		if (form.getPlannedStart() != null && form.getPlannedEnd() != null
				&& form.getPlannedEnd().isBefore(form.getPlannedStart())) {
			throw new ChangeRefused("plannedEnd", "experiment.end.beforeStart");
		}
		if (form.getBaseline() != null && form.getTarget() != null) {
			int comparison = form.getTarget().compareTo(form.getBaseline());
			if (comparison == 0) {
				throw new ChangeRefused("target", "experiment.target.sameAsBaseline");
			}
			if ((comparison < 0) != (form.getDirection() == Direction.DOWN)) {
				throw new ChangeRefused("target", form.getDirection() == Direction.UP ? "experiment.target.notAbove"
						: "experiment.target.notBelow");
			}
		}
		return new Experiment.Plan(form.getTitle(), form.getHypothesis(), form.getDepartmentId(), form.getPlatform(),
				owner, form.getImpact(), form.getConfidence(), form.getEase(), form.getPlannedStart(),
				form.getPlannedEnd(), form.getMetricName(), form.getMetricUnit(), form.getBaseline(),
				form.getTarget(), form.getDirection());
	}

	private Experiment current(long id, Long version) {
		Experiment experiment = locked(id);
		StaleEditException.check("Experiment", id, version, experiment.getVersion());
		return experiment;
	}

	private static Measurement measurement(Experiment experiment, long measurementId) {
		return experiment.measurement(measurementId)
			.orElseThrow(() -> new NotFoundException("Measurement", measurementId));
	}

	/** A stored number as a form shows it: 20 rather than 20.0000 (nor 2E+1). */
	static BigDecimal plain(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private Experiment locked(long id) {
		return experiments.findForUpdate(id).orElseThrow(() -> new NotFoundException("Experiment", id));
	}

	private Experiment load(long id) {
		return experiments.findById(id).orElseThrow(() -> new NotFoundException("Experiment", id));
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

}
