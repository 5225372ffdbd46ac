package org.waterhole.organization;

import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestOperations;
import org.waterhole.shared.security.SignInProblemException;

/**
 * Turns the provider's answer into a Waterhole user: Spring Security's own user service reads
 * the ID token and user info, the claims named in the settings say who this is, and
 * {@link ExternalSignIn} finds or makes their account. The email must be verified by the
 * provider, or come from a claim trusted by contract.
 */
class SingleSignOnUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	static final String UNVERIFIED = "email_unverified";

	static final String DISABLED = "account_disabled";

	private final OidcUserService provider = new OidcUserService();

	private final ExternalSignIn signIns;

	private final SingleSignOnProperties.Claims claims;

	SingleSignOnUserService(ExternalSignIn signIns, SingleSignOnProperties properties, RestOperations userInfo) {
		DefaultOAuth2UserService userInfoEndpoint = new DefaultOAuth2UserService();
		userInfoEndpoint.setRestOperations(userInfo);
		provider.setOauth2UserService(userInfoEndpoint);
		this.signIns = signIns;
		this.claims = properties.claims();
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser answer = provider.loadUser(request);
		try {
			return WaterholeOidcUser.of(signIns.signIn(identityOf(answer)), answer.getIdToken());
		}
		catch (DisabledException ex) {
			throw refused(DISABLED);
		}
		catch (UnusableEmailException ex) {
			throw refused(UNVERIFIED);
		}
		catch (SignInProblemException ex) {
			throw refused(ex.problem().parameter());
		}
	}

	private ExternalIdentity identityOf(OidcUser answer) {
		return new ExternalIdentity(trustedEmail(answer), answer.getClaimAsString(claims.name()),
				answer.getClaimAsString(claims.jobTitle()), answer.getClaimAsString(claims.department()),
				groupsOf(answer));
	}

	private String trustedEmail(OidcUser answer) {
		if (StringUtils.hasText(claims.trustedEmail())) {
			return answer.getClaimAsString(claims.trustedEmail());
		}
		if (!Boolean.TRUE.equals(answer.getClaimAsBoolean("email_verified"))) {
			throw refused(UNVERIFIED);
		}
		return answer.getClaimAsString(claims.email());
	}

	/** The groups claim, whether the provider gives a list or a single value. */
	private Set<String> groupsOf(OidcUser answer) {
		Object value = answer.getClaims().get(claims.groups());
		if (value == null) {
			return Set.of();
		}
		List<String> groups = value instanceof String one ? List.of(one) : answer.getClaimAsStringList(claims.groups());
		return groups == null ? Set.of() : Set.copyOf(groups);
	}

	private static OAuth2AuthenticationException refused(String code) {
		return new OAuth2AuthenticationException(new OAuth2Error(code));
	}

}
