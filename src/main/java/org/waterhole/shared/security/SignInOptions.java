package org.waterhole.shared.security;

/**
 * What the login page offers: the password form, a single sign-on button, or both; and whether
 * a plain visit to {@code /login} goes straight to the identity provider.
 *
 * @param singleSignOnLabel the button's label ("your university account"), {@code null} for none
 * @param singleSignOnPath where the button leads
 * @param passwordForm whether the page shows the email and password form (local or directory passwords)
 * @param straightToProvider whether a plain visit to the login page goes to the identity provider
 * @param providerOrigin the identity provider's origin ({@code https://login.example.org}), where
 * signing out continues; {@code null} for none
 */
public record SignInOptions(String singleSignOnLabel, String singleSignOnPath, boolean passwordForm,
		boolean straightToProvider, String providerOrigin) {

	/** Only the password form: no identity provider is configured. */
	public static final SignInOptions PASSWORDS_ONLY = new SignInOptions(null, null, true, false, null);

	public boolean singleSignOn() {
		return singleSignOnLabel != null;
	}

}
