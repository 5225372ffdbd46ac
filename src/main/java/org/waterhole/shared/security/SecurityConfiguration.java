package org.waterhole.shared.security;

import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.waterhole.shared.security.ThrottledAuthenticationManager.SignInPausedException;

/**
 * Who may reach what. Public: the login page, the password pages ("forgot", and the link from an
 * e-mail that sets one), static assets, the health check and the error
 * page. Each module adds the rules for its own URLs ({@link UrlRules}); every other URL needs a
 * signed-in user. Anonymous visitors are sent to the login page; a signed-in user without the
 * right role gets the 403 page. Ways of signing in beyond the password form (single sign-on, a
 * directory) come from {@link SignInMethods}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

	/**
	 * Scripts, styles, fonts, images and requests from this application only: no inline script
	 * or style (the pages have none; htmx is told not to add its indicator styles), no plugins, no
	 * framing by anyone, forms sent here only. Images may be data URIs (Bootstrap's icons in CSS).
	 */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** Browser features the pages never use, refused to them and to anything they might embed. */
	public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	/** How long a browser that saw the application over HTTPS keeps to HTTPS: a year. */
	static final long HSTS_SECONDS = 365L * 24 * 3600;

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<UrlRules> moduleRules,
			List<SignInMethods> signInMethods, ObjectProvider<SignInOptions> signInOptions,
			SessionRegistry sessionRegistry, SignInThrottle throttle) throws Exception {
		http.authorizeHttpRequests(rules -> {
			rules.requestMatchers("/login", "/login/sso", "/password/**", "/error", "/expired", "/webjars/**", "/assets/**",
					"/favicon.ico", "/actuator/health", "/actuator/health/**")
				.permitAll();
			rules.requestMatchers("/actuator/**").denyAll();
			moduleRules.forEach(moduleRule -> moduleRule.apply(rules));
			rules.anyRequest().authenticated();
		});
		http.formLogin(login -> login.loginPage("/login")
			.usernameParameter("email")
			.defaultSuccessUrl("/", false)
			.failureHandler(signInFailures())
			.withObjectPostProcessor(throttled(http, throttle)));
		http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
		String policy = contentSecurityPolicy(signInOptions.getIfAvailable(() -> SignInOptions.PASSWORDS_ONLY));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
			.frameOptions(frames -> frames.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
			.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(HSTS_SECONDS)));
		// Sessions are registered so that a changed account's sessions can be ended (SignedInSessions).
		http.sessionManagement(sessions -> sessions.maximumSessions(-1)
			.sessionRegistry(sessionRegistry)
			.expiredUrl("/login?expired"));
		// A form sent from a page whose session has ended (or after signing out elsewhere) has no
		// valid CSRF token: say so plainly rather than "not for your role".
		AccessDeniedHandlerImpl expiredForm = new AccessDeniedHandlerImpl();
		expiredForm.setErrorPage("/expired");
		LinkedHashMap<Class<? extends AccessDeniedException>, AccessDeniedHandler> handlers = new LinkedHashMap<>();
		handlers.put(CsrfException.class, expiredForm);
		http.exceptionHandling(exceptions -> exceptions
			.accessDeniedHandler(new DelegatingAccessDeniedHandler(handlers, new AccessDeniedHandlerImpl())));
		for (SignInMethods methods : signInMethods) {
			methods.apply(http);
		}
		return http.build();
	}

	/**
	 * After a failed sign-in, the login page says why: paused, a problem it explains (the
	 * directory away), or else not a match.
	 */
	private static AuthenticationFailureHandler signInFailures() {
		return (request, response, exception) -> response
			.sendRedirect(request.getContextPath() + "/login?" + failureQuery(exception));
	}

	static String failureQuery(AuthenticationException exception) {
		if (exception instanceof SignInPausedException) {
			return "paused";
		}
		if (exception instanceof SignInProblemException problem) {
			return "problem=" + problem.problem().parameter();
		}
		return "error";
	}

	/**
	 * The form sign-in checks the pause before its password, whatever checks the password: the
	 * filter that takes the form gets its authentication wrapped once it has been given it. So
	 * the pause holds for every request it takes as a sign-in, not for one spelling of its URL.
	 */
	private static ObjectPostProcessor<UsernamePasswordAuthenticationFilter> throttled(HttpSecurity http,
			SignInThrottle throttle) {
		return new ObjectPostProcessor<>() {

			@Override
			public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
				filter.setAuthenticationManager(
						new ThrottledAuthenticationManager(throttle, http.getSharedObject(AuthenticationManager.class)));
				return filter;
			}

		};
	}

	/**
	 * The policy, where signing out may also lead to the identity provider: the sign-out form's
	 * answer sends the browser there to end the provider's session, which {@code form-action}
	 * would otherwise refuse.
	 */
	static String contentSecurityPolicy(SignInOptions options) {
		if (options.providerOrigin() == null) {
			return CONTENT_SECURITY_POLICY;
		}
		return CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + options.providerOrigin());
	}

	/**
	 * The sessions of every instance, as Spring Session keeps them in PostgreSQL (indexed by the
	 * signed-in user's email), so that an account change ends its sessions on all instances.
	 */
	@Bean
	<S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	/**
	 * No observations of the filter chain: nothing here exports traces, and wrapping each of its
	 * filters in an observation cost a few percent of every request.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
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
