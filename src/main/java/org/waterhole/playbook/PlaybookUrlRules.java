package org.waterhole.playbook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waterhole.shared.security.Roles;
import org.waterhole.shared.security.UrlRules;

/**
 * Managers and the strategist see a department's readiness and every department compared; only the
 * strategist acts on the suggestions (they name people by what they read). Anyone, signed in or
 * not, reads the privacy page; only the strategist reads the log of who looked at named readers.
 */
@Configuration(proxyBeanMethods = false)
class PlaybookUrlRules {

	@Bean
	UrlRules playbookRules() {
		return rules -> rules.requestMatchers("/privacy")
			.permitAll()
			.requestMatchers("/privacy/**")
			.hasRole(Roles.STRATEGIST)
			.requestMatchers("/playbook/departments/*/accept/**", "/playbook/departments/*/check-in",
				"/playbook/departments/*/dismissals")
			.hasRole(Roles.STRATEGIST)
			.requestMatchers("/playbook", "/playbook/**")
			.hasRole(Roles.MANAGER);
	}

}
