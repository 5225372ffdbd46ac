package org.waterhole.organization;


import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.waterhole.shared.security.SignInMethods;
import org.waterhole.shared.security.SignInOptions;

/**
 * How people sign in, beyond the password form the security configuration sets up: directory
 * passwords through the same form when a directory is set, single sign-on with the institution's
 * OpenID provider when an issuer is set, and after any sign-in the page to choose a department
 * for those whose provider or directory gave none.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

	static final String SINGLE_SIGN_ON_PATH = "/login/sso";

	private static final String SIGNED_OUT = "/login?logout";

	@Bean
	IdentityProvider identityProvider(SingleSignOnProperties properties) {
		return new IdentityProvider(properties);
	}

	/**
	 * The login page: the sign-on button when single sign-on is set up, the password form while
	 * local or directory passwords are in use (or when nothing else would let anyone in).
	 */
	@Bean
	SignInOptions signInOptions(SignInProperties signIn, SingleSignOnProperties singleSignOn,
			DirectoryProperties directory) {
		if (!singleSignOn.enabled()) {
			return SignInOptions.PASSWORDS_ONLY;
		}
		return new SignInOptions(singleSignOn.label(), SINGLE_SIGN_ON_PATH,
				signIn.localPasswords() || directory.enabled(), singleSignOn.straightToProvider(),
				singleSignOn.origin());
	}

	@Bean
	SignInMethods organizationSignIn(SignInProperties signIn, SingleSignOnProperties singleSignOn,
			DirectoryProperties directory, IdentityProvider provider, ExternalSignIn signIns,
			AccountUserDetailsService accounts, PasswordEncoder passwords) {
		SignInSuccess success = new SignInSuccess();
		return http -> {
			http.formLogin(login -> login.successHandler(success));
			if (directory.enabled()) {
				directory(http, signIn.localPasswords() ? localPasswords(accounts, passwords) : null,
						DirectorySignIn.provider(directory, signIns));
			}
			if (singleSignOn.enabled()) {
				singleSignOn(http, provider,
						new SingleSignOnUserService(signIns, singleSignOn, provider.userInfoEndpoint()), success);
			}
		};
	}

	/**
	 * The password form checks Waterhole's own password first, then the directory's: an account
	 * with a password of its own still signs in while the directory is away.
	 */
	private static void directory(HttpSecurity http, AuthenticationProvider local, AuthenticationProvider directory) {
		if (local != null) {
			http.authenticationProvider(local);
		}
		http.authenticationProvider(directory);
	}

	private static AuthenticationProvider localPasswords(AccountUserDetailsService accounts, PasswordEncoder passwords) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(passwords);
		return provider;
	}

	private static void singleSignOn(HttpSecurity http, IdentityProvider provider, SingleSignOnUserService users,
			SignInSuccess success) throws Exception {
		SignInFailures failures = new SignInFailures();
		http.oauth2Login(login -> login.loginPage("/login")
			.clientRegistrationRepository(provider.registrations())
			.tokenEndpoint(token -> token.accessTokenResponseClient(provider.tokenEndpoint()))
			.authorizedClientRepository(new NoTokensKept())
			.userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
			.successHandler(success)
			.failureHandler(failures)
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {

				@Override
				public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
					filter.setAuthenticationFailureHandler(failures);
					return filter;
				}

			}));
		http.logout(logout -> logout.logoutSuccessHandler(signOut(provider)));
	}

	/**
	 * Signing out of Waterhole also ends the session at the provider (RP-initiated logout) for
	 * someone who signed in there, when the provider offers it and is known; else the login page.
	 */
	private static LogoutSuccessHandler signOut(IdentityProvider provider) {
		OidcClientInitiatedLogoutSuccessHandler atProvider = new OidcClientInitiatedLogoutSuccessHandler(
				provider.registrations());
		atProvider.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
		atProvider.setDefaultTargetUrl(SIGNED_OUT);
		return (request, response, authentication) -> {
			if (authentication != null && authentication.getPrincipal() instanceof OidcUser && provider.known() != null) {
				atProvider.onLogoutSuccess(request, response, authentication);
			}
			else {
				response.sendRedirect(request.getContextPath() + SIGNED_OUT);
			}
		};
	}

	/**
	 * Waterhole calls no API of the provider's: the access and refresh tokens it gets at sign-in
	 * are dropped, never kept in the session.
	 */
	private static final class NoTokensKept implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String registrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

	}

}
