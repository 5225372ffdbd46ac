package org.waterhole.experiment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waterhole.shared.security.Roles;
import org.waterhole.shared.security.UrlRules;

/**
 * Everyone signed in reads experiments; managers may export them; only the strategist writes and
 * reads their history.
 */
@Configuration(proxyBeanMethods = false)
class ExperimentUrlRules {

	@Bean
	UrlRules experimentRules() {
		return rules -> rules.requestMatchers("/experiments/new", "/experiments/*/edit", "/experiments/*/history")
			.hasRole(Roles.STRATEGIST)
			.requestMatchers(UrlRules.changes("/experiments", "/experiments/**"))
			.hasRole(Roles.STRATEGIST)
			.requestMatchers("/experiments/export.csv")
			.hasRole(Roles.MANAGER)
			.requestMatchers("/experiments", "/experiments/**")
			.hasRole(Roles.STAFF);
	}

}
