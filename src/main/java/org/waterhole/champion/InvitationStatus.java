package org.waterhole.champion;

/** Where an invitation to be a champion is: waiting for the invitee, accepted, declined, or withdrawn by the strategist. */
public enum InvitationStatus {

	PENDING, ACCEPTED, DECLINED, WITHDRAWN;

	public String messageKey() {
		return "invitation.status." + name();
	}

}
