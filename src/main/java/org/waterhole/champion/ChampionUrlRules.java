package org.waterhole.champion;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waterhole.shared.security.Roles;
import org.waterhole.shared.security.UrlRules;

/**
 * Everyone signed in reads the directory, volunteers (and withdraws a waiting offer), answers their
 * own invitations and logs activities as their own champion (the handlers check it is their own);
 * only the strategist records champions, reads their history, invites colleagues and decides on offers.
 */
@Configuration(proxyBeanMethods = false)
class ChampionUrlRules {

	@Bean
	UrlRules championRules() {
		return rules -> rules
			.requestMatchers(UrlRules.changes("/champions/volunteer", "/champions/volunteer/withdraw",
					"/champions/*/activities", "/champions/*/activities/*/delete", "/champions/invitations/*/accept",
					"/champions/invitations/*/decline"))
			.hasRole(Roles.STAFF)
			.requestMatchers("/champions/new", "/champions/*/edit", "/champions/*/history", "/champions/requests",
					"/champions/requests/**", "/champions/invitations/new")
			.hasRole(Roles.STRATEGIST)
			.requestMatchers(UrlRules.changes("/champions", "/champions/**"))
			.hasRole(Roles.STRATEGIST)
			.requestMatchers("/champions", "/champions/**")
			.hasRole(Roles.STAFF);
	}

}
