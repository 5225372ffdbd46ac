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

import org.waterhole.shared.EditableEntity;

/**
 * The strategist's invitation to a colleague to be a champion, with a personal message and a
 * suggested profile, until the colleague accepts or declines it (or the strategist withdraws it).
 */
@Entity
class ChampionInvitation extends EditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "champion_invitation_seq")
	@SequenceGenerator(name = "champion_invitation_seq", allocationSize = 50)
	private Long id;

	private Long personId;

	private Long departmentId;

	private Long invitedBy;

	private String message;

	private String pitch;

	@Convert(converter = CommaSeparated.class)
	private Set<String> platforms = new LinkedHashSet<>();

	@Convert(converter = CommaSeparated.class)
	private Set<String> skills = new LinkedHashSet<>();

	@Enumerated(EnumType.STRING)
	private InvitationStatus status = InvitationStatus.PENDING;

	private String declineReason;

	private Instant answeredAt;

	protected ChampionInvitation() {
	}

	ChampionInvitation(long personId, Long departmentId, long invitedBy, String message, Set<String> platforms,
			Set<String> skills, String pitch) {
		this.personId = personId;
		this.departmentId = departmentId;
		this.invitedBy = invitedBy;
		this.message = message;
		this.platforms = new LinkedHashSet<>(platforms);
		this.skills = new LinkedHashSet<>(skills);
		this.pitch = pitch;
	}

	void accept(Instant at) {
		answer(InvitationStatus.ACCEPTED, null, at);
	}

	void decline(String reason, Instant at) {
		answer(InvitationStatus.DECLINED, reason, at);
	}

	void withdraw(Instant at) {
		answer(InvitationStatus.WITHDRAWN, null, at);
	}

	private void answer(InvitationStatus to, String reason, Instant at) {
		if (status != InvitationStatus.PENDING) {
			throw new AlreadyAnsweredException();
		}
		this.status = to;
		this.declineReason = reason;
		this.answeredAt = at;
	}

	Long getId() {
		return id;
	}

	Long getPersonId() {
		return personId;
	}

	Long getDepartmentId() {
		return departmentId;
	}

	Long getInvitedBy() {
		return invitedBy;
	}

	String getMessage() {
		return message;
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

	InvitationStatus getStatus() {
		return status;
	}

	String getDeclineReason() {
		return declineReason;
	}

	Instant getAnsweredAt() {
		return answeredAt;
	}

	/** The invitation was answered or withdrawn already (in another tab, say). */
	static class AlreadyAnsweredException extends RuntimeException {

		AlreadyAnsweredException() {
			super("the invitation was answered already");
		}

	}

}
