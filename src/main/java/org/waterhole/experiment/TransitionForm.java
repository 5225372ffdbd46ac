package org.waterhole.experiment;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.waterhole.shared.validation.ReasonableDate;

/**
 * What moving an experiment on takes: the planned dates to plan it, the start date to start it, the outcome, learnings and
 * end date to complete it, a reason to abandon it; and the version the page showed.
 */
public class TransitionForm {

	@ReasonableDate
	private LocalDate plannedStart;

	@ReasonableDate
	private LocalDate plannedEnd;

	@ReasonableDate
	private LocalDate startOn;

	private Outcome outcome;

	@Size(max = 8000)
	private String learnings;

	@ReasonableDate
	private LocalDate endOn;

	@Size(max = 2000)
	private String reason;

	/** When a running experiment was given up (today if not given). */
	@ReasonableDate
	private LocalDate abandonOn;

	private Long version;

	public LocalDate getPlannedStart() {
		return plannedStart;
	}

	public void setPlannedStart(LocalDate plannedStart) {
		this.plannedStart = plannedStart;
	}

	public LocalDate getPlannedEnd() {
		return plannedEnd;
	}

	public void setPlannedEnd(LocalDate plannedEnd) {
		this.plannedEnd = plannedEnd;
	}

	public LocalDate getStartOn() {
		return startOn;
	}

	public void setStartOn(LocalDate startOn) {
		this.startOn = startOn;
	}

	public Outcome getOutcome() {
		return outcome;
	}

	public void setOutcome(Outcome outcome) {
		this.outcome = outcome;
	}

	public String getLearnings() {
		return learnings;
	}

	public void setLearnings(String learnings) {
		this.learnings = learnings;
	}

	public LocalDate getEndOn() {
		return endOn;
	}

	public void setEndOn(LocalDate endOn) {
		this.endOn = endOn;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public LocalDate getAbandonOn() {
		return abandonOn;
	}

	public void setAbandonOn(LocalDate abandonOn) {
		this.abandonOn = abandonOn;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
