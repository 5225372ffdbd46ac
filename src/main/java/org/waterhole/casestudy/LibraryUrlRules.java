package org.waterhole.casestudy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
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
		return rules -> rules.requestMatchers(HttpMethod.POST, "/library/*/helpful")
			.hasRole(Roles.STAFF)
			.requestMatchers("/library/manage", "/library/review", "/library/new", "/library/*/edit",
					"/library/*/readers", "/library/*/history")
			.hasRole(Roles.STRATEGIST)
			.requestMatchers(HttpMethod.POST, "/library", "/library/**")
			.hasRole(Roles.STRATEGIST)
			.requestMatchers(HttpMethod.GET, "/library", "/library/**")
			.hasRole(Roles.STAFF);
	}

}
