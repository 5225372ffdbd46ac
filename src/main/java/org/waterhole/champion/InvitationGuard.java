package org.waterhole.champion;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.waterhole.organization.WaterholeUser;

/**
 * For method security: whether the signed-in user is the person an invitation is for, so that
 * only they answer it: {@code @PreAuthorize("@invitationGuard.isInvitee(#id, authentication)")}. An
 * invitation that doesn't exist passes, so that its handler says it is gone (a 404).
 */
@Component("invitationGuard")
public class InvitationGuard {

	private final ChampionInvitations invitations;

	InvitationGuard(ChampionInvitations invitations) {
		this.invitations = invitations;
	}

	public boolean isInvitee(long id, Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof WaterholeUser user
				&& invitations.mayAnswer(id, user.getPersonId());
	}

}
