package org.waterhole.experiment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import org.waterhole.shared.EditableEntity;
import org.waterhole.shared.Platform;

/**
 * A small experiment and its life: the plan (hypothesis, ICE, metric), the run (dates and
 * measurements) and what it taught (outcome and learnings). Status changes go through the
 * methods here, which refuse what the lifecycle doesn't allow.
 */
@Entity
@Audited
class Experiment extends EditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "experiment_seq")
	@SequenceGenerator(name = "experiment_seq", allocationSize = 50)
	private Long id;

	private String title;

	private String hypothesis;

	private Long departmentId;

	@Enumerated(EnumType.STRING)
	private Platform platform;

	private Long ownerId;

	@Enumerated(EnumType.STRING)
	private ExperimentStatus status = ExperimentStatus.IDEA;

	private int impact;

	private int confidence;

	private int ease;

	/** Kept by the database: the mean of impact, confidence and ease. */
	@Column(insertable = false, updatable = false)
	@NotAudited
	private BigDecimal iceScore;

	private LocalDate plannedStart;

	private LocalDate plannedEnd;

	private LocalDate actualStart;

	private LocalDate actualEnd;

	private String metricName;

	private String metricUnit;

	private BigDecimal baseline;

	private BigDecimal target;

	@Enumerated(EnumType.STRING)
	private Direction direction = Direction.UP;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	private String learnings;

	private String abandonReason;

	private Long resultCaseStudyId;

	/** Each measurement keeps its own history, which the experiment's history shows. */
	@OneToMany(mappedBy = "experiment", cascade = CascadeType.ALL, orphanRemoval = true)
	@NotAudited
	private List<Measurement> measurements = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "experiment_case_study", joinColumns = @JoinColumn(name = "experiment_id"))
	@Column(name = "case_study_id")
	private Set<Long> caseStudyIds = new LinkedHashSet<>();

	protected Experiment() {
	}

	Experiment(Plan plan) {
		edit(plan);
	}

	/**
	 * Changes the plan. Once the experiment is completed or abandoned, what its result is measured
	 * against (department, platform, the metric) stays as it was: it is what the outcome, the
	 * success rates and the events already told. The department is fixed from the start of the
	 * run: the adoption timeline has told where it runs.
	 */
	void edit(Plan plan) {
		this.title = plan.title();
		this.hypothesis = plan.hypothesis();
		this.ownerId = plan.ownerId();
		this.impact = plan.impact();
		this.confidence = plan.confidence();
		this.ease = plan.ease();
		this.plannedStart = plan.plannedStart();
		this.plannedEnd = plan.plannedEnd();
		if (status == ExperimentStatus.IDEA || status == ExperimentStatus.PLANNED || departmentId == null) {
			this.departmentId = plan.departmentId();
		}
		if (status.isOpen()) {
			this.platform = plan.platform();
			this.metricName = plan.metricName();
			this.metricUnit = plan.metricUnit();
			this.baseline = plan.baseline();
			this.target = plan.target();
			this.direction = plan.direction();
		}
	}

	/** Corrects the dates of a run that has started; measurements must stay within it. */
	void correctRun(LocalDate start, LocalDate end, LocalDate today) {
		if (status != ExperimentStatus.RUNNING && status != ExperimentStatus.COMPLETED) {
			return;
		}
		if (start == null) {
			throw new ChangeRefused("actualStart", "experiment.start.required");
		}
		if (start.isAfter(today)) {
			throw new ChangeRefused("actualStart", "experiment.start.future");
		}
		if (status == ExperimentStatus.COMPLETED) {
			if (end == null) {
				throw new ChangeRefused("actualEnd", "experiment.end.required");
			}
			if (end.isBefore(start)) {
				throw new ChangeRefused("actualEnd", "experiment.end.beforeStart");
			}
			if (end.isAfter(today)) {
				throw new ChangeRefused("actualEnd", "experiment.end.future");
			}
		}
		LocalDate runEnd = status == ExperimentStatus.COMPLETED ? end : today;
		if (measurements.stream().anyMatch(m -> m.getMeasuredOn().isBefore(start) || m.getMeasuredOn().isAfter(runEnd))) {
			throw new ChangeRefused("actualStart", "experiment.run.excludesMeasurements");
		}
		this.actualStart = start;
		this.actualEnd = status == ExperimentStatus.COMPLETED ? end : null;
	}

	/**
	 * Moves the idea into the plan with its planned dates: both are needed, the end not before the
	 * start (the owner is there from the idea on).
	 */
	void plan(LocalDate start, LocalDate end) {
		allow(ExperimentStatus.PLANNED);
		if (start == null) {
			throw new ChangeRefused("plannedStart", "experiment.plannedStart.required");
		}
		if (end == null) {
			throw new ChangeRefused("plannedEnd", "experiment.plannedEnd.required");
		}
		if (end.isBefore(start)) {
			throw new ChangeRefused("plannedEnd", "experiment.end.beforeStart");
		}
		this.plannedStart = start;
		this.plannedEnd = end;
		this.status = ExperimentStatus.PLANNED;
	}

	/** Starts the run on {@code on}, which can't be in the future. */
	void start(LocalDate on, LocalDate today) {
		allow(ExperimentStatus.RUNNING);
		if (on == null) {
			throw new ChangeRefused("startOn", "experiment.start.required");
		}
		if (on.isAfter(today)) {
			throw new ChangeRefused("startOn", "experiment.start.future");
		}
		this.actualStart = on;
		this.status = ExperimentStatus.RUNNING;
	}

	/** Ends the run on {@code on} with what it showed; both outcome and learnings are needed. */
	void complete(Outcome outcome, String learnings, LocalDate on, LocalDate today) {
		allow(ExperimentStatus.COMPLETED);
		if (outcome == null) {
			throw new ChangeRefused("outcome", "experiment.outcome.required");
		}
		if (learnings == null || learnings.isBlank()) {
			throw new ChangeRefused("learnings", "experiment.learnings.required");
		}
		LocalDate end = on == null ? today : on;
		if (end.isBefore(actualStart)) {
			throw new ChangeRefused("endOn", "experiment.end.beforeStart");
		}
		if (end.isAfter(today)) {
			throw new ChangeRefused("endOn", "experiment.end.future");
		}
		if (measurements.stream().anyMatch(m -> m.getMeasuredOn().isAfter(end))) {
			throw new ChangeRefused("endOn", "experiment.run.excludesMeasurements");
		}
		this.outcome = outcome;
		this.learnings = learnings;
		this.actualEnd = end;
		this.status = ExperimentStatus.COMPLETED;
	}

	/** Gives the experiment up, saying why; a running one ends on {@code on} (today if not given). */
	void abandon(String reason, LocalDate on, LocalDate today) {
		allow(ExperimentStatus.ABANDONED);
		if (reason == null || reason.isBlank()) {
			throw new ChangeRefused("reason", "experiment.abandon.reasonRequired");
		}
		if (status == ExperimentStatus.RUNNING) {
			LocalDate end = on == null ? today : on;
			if (end.isBefore(actualStart)) {
				throw new ChangeRefused("abandonOn", "experiment.end.beforeStart");
			}
			if (end.isAfter(today)) {
				throw new ChangeRefused("abandonOn", "experiment.end.future");
			}
			if (measurements.stream().anyMatch(m -> m.getMeasuredOn().isAfter(end))) {
				throw new ChangeRefused("abandonOn", "experiment.run.excludesMeasurements");
			}
			this.actualEnd = end;
		}
		this.abandonReason = reason;
		this.status = ExperimentStatus.ABANDONED;
	}

	void addMeasurement(LocalDate on, BigDecimal value, String note, LocalDate today) {
		requireWithinRun(on, today);
		measurements.add(new Measurement(this, on, value, note));
	}

	void changeMeasurement(Measurement measurement, LocalDate on, BigDecimal value, String note, LocalDate today) {
		requireWithinRun(on, today);
		measurement.change(on, value, note);
	}

	void removeMeasurement(Measurement measurement) {
		requireMeasurable();
		measurements.remove(measurement);
	}

	Optional<Measurement> measurement(long measurementId) {
		return measurements.stream().filter(m -> m.getId() == measurementId).findFirst();
	}

	/** Measurements are taken while the experiment runs, and may be entered once it has completed. */
	private void requireWithinRun(LocalDate on, LocalDate today) {
		requireMeasurable();
		LocalDate end = actualEnd != null ? actualEnd : today;
		if (on.isBefore(actualStart) || on.isAfter(end)) {
			throw new ChangeRefused("measuredOn", "measurement.outsideRun");
		}
	}

	private void requireMeasurable() {
		if (status != ExperimentStatus.RUNNING && status != ExperimentStatus.COMPLETED) {
			throw new ChangeRefused("measuredOn", "measurement.notRunning");
		}
	}

	private void allow(ExperimentStatus to) {
		if (!status.next().contains(to)) {
			throw new IllegalTransitionException(status, to);
		}
	}

	List<Measurement> measurementsInOrder() {
		return measurements.stream()
			.sorted(Comparator.comparing(Measurement::getMeasuredOn).thenComparing(Measurement::getId))
			.toList();
	}

	Long getId() {
		return id;
	}

	String getTitle() {
		return title;
	}

	String getHypothesis() {
		return hypothesis;
	}

	Long getDepartmentId() {
		return departmentId;
	}

	Platform getPlatform() {
		return platform;
	}

	Long getOwnerId() {
		return ownerId;
	}

	ExperimentStatus getStatus() {
		return status;
	}

	int getImpact() {
		return impact;
	}

	int getConfidence() {
		return confidence;
	}

	int getEase() {
		return ease;
	}

	LocalDate getPlannedStart() {
		return plannedStart;
	}

	LocalDate getPlannedEnd() {
		return plannedEnd;
	}

	LocalDate getActualStart() {
		return actualStart;
	}

	LocalDate getActualEnd() {
		return actualEnd;
	}

	String getMetricName() {
		return metricName;
	}

	String getMetricUnit() {
		return metricUnit;
	}

	BigDecimal getBaseline() {
		return baseline;
	}

	BigDecimal getTarget() {
		return target;
	}

	Direction getDirection() {
		return direction;
	}

	Outcome getOutcome() {
		return outcome;
	}

	String getLearnings() {
		return learnings;
	}

	String getAbandonReason() {
		return abandonReason;
	}

	Set<Long> getCaseStudyIds() {
		return caseStudyIds;
	}

	BigDecimal getIceScore() {
		return iceScore;
	}

	Long getResultCaseStudyId() {
		return resultCaseStudyId;
	}

	void recordResultCaseStudy(long caseStudyId) {
		this.resultCaseStudyId = caseStudyId;
	}

	/** What the strategist plans: everything but the run and its result. */
	record Plan(String title, String hypothesis, long departmentId, Platform platform, long ownerId, int impact,
			int confidence, int ease, LocalDate plannedStart, LocalDate plannedEnd, String metricName,
			String metricUnit, BigDecimal baseline, BigDecimal target, Direction direction) {
	}

	/** A status change the lifecycle doesn't allow from where the experiment is. */
	static class IllegalTransitionException extends RuntimeException {

		private final ExperimentStatus from;

		private final ExperimentStatus to;

		IllegalTransitionException(ExperimentStatus from, ExperimentStatus to) {
			super("an experiment can't go from " + from + " to " + to);
			this.from = from;
			this.to = to;
		}

		ExperimentStatus from() {
			return from;
		}

		ExperimentStatus to() {
			return to;
		}

	}

	/** A change refused for a missing or wrong value: {@code field} and a message {@code code}. */
	static class ChangeRefused extends RuntimeException {

		private final String field;

		private final String code;

		ChangeRefused(String field, String code) {
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
