package org.waterhole.experiment;

import org.waterhole.shared.Platform;

/**
 * The filters of the experiment list, as the URL carries them
 * ({@code ?status=RUNNING&department=3&q=reels}, {@code ?overdue=true} for those running past
 * their planned end); the CSV export takes the same. Values that mean nothing are ignored.
 */
public class ExperimentFilter {

	private ExperimentStatus status;

	private Long department;

	private Platform platform;

	private Long owner;

	private Outcome outcome;

	private String q;

	private boolean overdue;

	public boolean isEmpty() {
		return status == null && department == null && platform == null && owner == null && outcome == null
				&& (q == null || q.isBlank()) && !overdue;
	}

	public ExperimentStatus getStatus() {
		return status;
	}

	public void setStatus(ExperimentStatus status) {
		this.status = status;
	}

	public Long getDepartment() {
		return department;
	}

	public void setDepartment(Long department) {
		this.department = department;
	}

	public Platform getPlatform() {
		return platform;
	}

	public void setPlatform(Platform platform) {
		this.platform = platform;
	}

	public Long getOwner() {
		return owner;
	}

	public void setOwner(Long owner) {
		this.owner = owner;
	}

	public Outcome getOutcome() {
		return outcome;
	}

	public void setOutcome(Outcome outcome) {
		this.outcome = outcome;
	}

	public String getQ() {
		return q;
	}

	public void setQ(String q) {
		this.q = q == null ? null : q.length() > 200 ? q.substring(0, 200) : q;
	}

	public boolean isOverdue() {
		return overdue;
	}

	public void setOverdue(boolean overdue) {
		this.overdue = overdue;
	}

}
