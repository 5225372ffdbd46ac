package org.waterhole.organization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waterhole.shared.security.Roles;
import org.waterhole.shared.security.UrlRules;

/**
 * Everyone signed in may read departments; only the strategist manages departments, people
 * and accounts, and reads their history. Everyone signed in may change their own password.
 */
@Configuration(proxyBeanMethods = false)
class OrganizationUrlRules {

	@Bean
	UrlRules organizationRules() {
		return rules -> rules
			.requestMatchers("/departments/new", "/departments/*/edit", "/departments/*/history", "/people/**",
					"/accounts/**")
			.hasRole(Roles.STRATEGIST)
			.requestMatchers(UrlRules.changes("/departments/**"))
			.hasRole(Roles.STRATEGIST)
			.requestMatchers("/departments", "/departments/*")
			.hasRole(Roles.STAFF)
			.requestMatchers("/account/**")
			.authenticated();
	}

}
