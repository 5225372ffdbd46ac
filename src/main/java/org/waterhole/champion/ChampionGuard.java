package org.waterhole.champion;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.waterhole.organization.WaterholeUser;

/**
 * For method security: whether the signed-in user is the champion a request is about, so that
 * champions log their own activities, and delete those they logged:
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

	/**
	 * Whether the signed-in user is the champion and did not leave the activity to someone else:
	 * a champion deletes only what they logged themself (one already gone passes, so that the
	 * handler can say it is gone).
	 */
	public boolean mayDeleteActivity(long championId, long activityId, Authentication authentication) {
		return isSelf(championId, authentication) && authentication.getPrincipal() instanceof WaterholeUser user
				&& champions.recordedBy(championId, activityId).map(by -> by == user.getPersonId()).orElse(true);
	}

}
