package org.waterhole.adoption;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waterhole.shared.security.Roles;
import org.waterhole.shared.security.UrlRules;

/**
 * Everyone signed in follows the timeline and the departments' pages; managers and the
 * strategist see the dashboard, export it and print its report; only the strategist records events.
 */
@Configuration(proxyBeanMethods = false)
class AdoptionUrlRules {

	@Bean
	UrlRules adoptionRules() {
		return rules -> rules.requestMatchers("/adoption/events/**", "/adoption/events")
			.hasRole(Roles.STRATEGIST)
			.requestMatchers(UrlRules.changes("/adoption/**"))
			.hasRole(Roles.STRATEGIST)
			.requestMatchers("/adoption/dashboard", "/adoption/dashboard/**", "/adoption/report")
			.hasRole(Roles.MANAGER)
			.requestMatchers("/adoption", "/adoption/**")
			.hasRole(Roles.STAFF);
	}

}
