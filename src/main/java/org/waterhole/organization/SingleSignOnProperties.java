package org.waterhole.organization;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Single sign-on with the institution's OpenID Connect provider ({@code waterhole.oidc.*}, from
 * {@code WATERHOLE_OIDC_*} in the environment; the README's "Sign-in" shows them for Entra ID,
 * Google and Keycloak). Switched on by an issuer URI; the provider's endpoints come from its
 * discovery document, read when someone first signs in rather than at start, so that Waterhole
 * starts (and its other ways in work) while the provider is away.
 *
 * @param issuerUri the provider's issuer, blank for no single sign-on
 * @param clientId Waterhole's client id at the provider
 * @param clientSecret its client secret
 * @param label what the button names: "Sign in with {label}"
 * @param scopes the scopes asked for
 * @param claims which claims say who someone is
 * @param straightToProvider whether a plain visit to the login page goes to the provider
 * @param timeout how long to wait for the provider: its discovery document, token and user-info endpoints
 */
@ConfigurationProperties("waterhole.oidc")
record SingleSignOnProperties(String issuerUri, String clientId, String clientSecret,
		@DefaultValue("your organisation’s account") String label,
		@DefaultValue({ "openid", "profile", "email" }) List<String> scopes, @DefaultValue Claims claims,
		boolean straightToProvider, @DefaultValue("5s") Duration timeout) {

	boolean enabled() {
		return StringUtils.hasText(issuerUri);
	}

	/** The provider's origin (scheme, host and port of its issuer), {@code null} when not enabled. */
	String origin() {
		if (!enabled()) {
			return null;
		}
		UriComponents issuer = UriComponentsBuilder.fromUriString(issuerUri.strip()).build();
		return UriComponentsBuilder.newInstance()
			.scheme(issuer.getScheme())
			.host(issuer.getHost())
			.port(issuer.getPort())
			.toUriString();
	}

	/**
	 * The claims read at each sign-in. The email is trusted when the provider says it is verified
	 * ({@code email_verified}), or when it comes from {@code trustedEmail}, a claim the provider
	 * guarantees (Entra ID's {@code preferred_username} in a single-tenant registration).
	 *
	 * @param email the claim holding the email
	 * @param trustedEmail a claim whose value is a trustworthy email by contract, or blank
	 * @param name the person's name
	 * @param jobTitle their job title
	 * @param department their department's code or name
	 * @param groups their groups or roles (a list, or one value)
	 */
	record Claims(@DefaultValue("email") String email, String trustedEmail, @DefaultValue("name") String name,
			@DefaultValue("job_title") String jobTitle, @DefaultValue("department") String department,
			@DefaultValue("groups") String groups) {
	}

}
