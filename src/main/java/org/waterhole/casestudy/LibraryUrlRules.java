package org.waterhole.casestudy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waterhole.shared.security.Roles;
import org.waterhole.shared.security.UrlRules;

/**
 * Everyone signed in reads the library and marks case studies helpful; only the strategist
 * writes, publishes, archives, and sees the review list, the readers and the history.
 */
@Configuration(proxyBeanMethods = false)
class LibraryUrlRules {

	@Bean
	UrlRules libraryRules() {
		return rules -> rules.requestMatchers(UrlRules.changes("/library/*/helpful"))
			.hasRole(Roles.STAFF)
			.requestMatchers("/library/manage", "/library/review", "/library/new", "/library/*/edit",
					"/library/*/readers", "/library/*/history")
			.hasRole(Roles.STRATEGIST)
			.requestMatchers(UrlRules.changes("/library", "/library/**"))
			.hasRole(Roles.STRATEGIST)
			.requestMatchers("/library", "/library/**")
			.hasRole(Roles.STAFF);
	}

}
