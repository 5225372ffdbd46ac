package org.waterhole.champion;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.waterhole.shared.EditableEntity;

/** A colleague's offer to be a champion, until the strategist accepts or declines it. */
@Entity
@Table(name = "champion_request")
class VolunteerRequest extends EditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "champion_request_seq")
	@SequenceGenerator(name = "champion_request_seq", allocationSize = 50)
	private Long id;

	private Long personId;

	private String pitch;

	@Convert(converter = CommaSeparated.class)
	private Set<String> platforms = new LinkedHashSet<>();

	@Convert(converter = CommaSeparated.class)
	private Set<String> skills = new LinkedHashSet<>();

	private boolean openToMentoring;

	@Enumerated(EnumType.STRING)
	private RequestStatus status = RequestStatus.PENDING;

	private String declineReason;

	private Long decidedBy;

	private Instant decidedAt;

	protected VolunteerRequest() {
	}

	VolunteerRequest(long personId, Set<String> platforms, Set<String> skills, String pitch, boolean openToMentoring) {
		this.personId = personId;
		this.platforms = new LinkedHashSet<>(platforms);
		this.skills = new LinkedHashSet<>(skills);
		this.pitch = pitch;
		this.openToMentoring = openToMentoring;
	}

	void accept(long by, Instant at) {
		decide(RequestStatus.ACCEPTED, null, by, at);
	}

	void decline(String reason, long by, Instant at) {
		decide(RequestStatus.DECLINED, reason, by, at);
	}

	private void decide(RequestStatus status, String reason, long by, Instant at) {
		if (this.status != RequestStatus.PENDING) {
			throw new AlreadyDecidedException();
		}
		this.status = status;
		this.declineReason = reason;
		this.decidedBy = by;
		this.decidedAt = at;
	}

	Long getId() {
		return id;
	}

	Long getPersonId() {
		return personId;
	}

	String getPitch() {
		return pitch;
	}

	Set<String> getPlatforms() {
		return platforms;
	}

	Set<String> getSkills() {
		return skills;
	}

	boolean isOpenToMentoring() {
		return openToMentoring;
	}

	RequestStatus getStatus() {
		return status;
	}

	String getDeclineReason() {
		return declineReason;
	}

	/** The request was accepted or declined already (by someone else, or in another tab). */
	static class AlreadyDecidedException extends RuntimeException {

		AlreadyDecidedException() {
			super("the request was decided already");
		}

	}

}
