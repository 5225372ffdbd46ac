package org.waterhole.organization;

import java.io.Serial;
import java.util.Map;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A user signed in through single sign-on: a {@link WaterholeUser} like any other, which also
 * keeps the provider's ID token, the one token that signing out at the provider needs. No
 * access or refresh token is kept.
 */
final class WaterholeOidcUser extends WaterholeUser implements OidcUser {

	@Serial
	private static final long serialVersionUID = 1L;

	private final OidcIdToken idToken;

	private WaterholeOidcUser(WaterholeUser user, OidcIdToken idToken) {
		super(user);
		this.idToken = idToken;
	}

	static WaterholeOidcUser of(SignInAccount account, OidcIdToken idToken) {
		return new WaterholeOidcUser(WaterholeUser.external(account), idToken);
	}

	@Override
	WaterholeUser inDepartment(long departmentId) {
		return new WaterholeOidcUser(super.inDepartment(departmentId), idToken);
	}

	@Override
	public Map<String, Object> getClaims() {
		return idToken.getClaims();
	}

	@Override
	public OidcUserInfo getUserInfo() {
		return null;
	}

	@Override
	public OidcIdToken getIdToken() {
		return idToken;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return idToken.getClaims();
	}

	/** The email, as for every other user: sessions are found by it. */
	@Override
	public String getName() {
		return getUsername();
	}

}
