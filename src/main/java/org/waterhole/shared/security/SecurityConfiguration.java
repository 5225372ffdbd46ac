package org.waterhole.shared.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may reach what. Public: the login page, static assets, the health check and the error
 * page. Each module adds the rules for its own URLs ({@link UrlRules}); every other URL needs a
 * signed-in user. Anonymous visitors are sent to the login page; a signed-in user without the
 * right role gets the 403 page.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<UrlRules> moduleRules) throws Exception {
		http.authorizeHttpRequests(rules -> {
			rules.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/images/**",
					"/favicon.ico", "/actuator/health", "/actuator/health/**")
				.permitAll();
			rules.requestMatchers("/actuator/**").denyAll();
			moduleRules.forEach(moduleRule -> moduleRule.apply(rules));
			rules.anyRequest().authenticated();
		});
		http.formLogin(login -> login.loginPage("/login")
			.usernameParameter("email")
			.defaultSuccessUrl("/", false)
			.failureUrl("/login?error"));
		http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
		return http.build();
	}

	/** Each role includes the rights of the ones below it. */
	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Roles.STRATEGIST)
			.implies(Roles.MANAGER)
			.role(Roles.MANAGER)
			.implies(Roles.STAFF)
			.build();
	}

	/** BCrypt, behind a delegating encoder so that stored hashes say how they were made. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
