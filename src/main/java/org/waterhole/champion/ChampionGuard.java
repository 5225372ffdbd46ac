package org.waterhole.champion;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.waterhole.organization.WaterholeUser;

/**
 * For method security: whether the signed-in user is the champion a request is about, so that
 * champions log and delete their own activities:
 * {@code @PreAuthorize("hasRole('STRATEGIST') or @championGuard.isSelf(#id, authentication)")}.
 */
@Component("championGuard")
public class ChampionGuard {

	private final ChampionService champions;

	ChampionGuard(ChampionService champions) {
		this.champions = champions;
	}

	public boolean isSelf(long championId, Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof WaterholeUser user
				&& champions.isSelf(championId, user.getPersonId());
	}

}
