package org.waterhole.organization;

/** A new password set through a link from an e-mail: the link's token goes with it. */
public class LinkPasswordForm extends PasswordForm {

	private String token;

	public String getToken() {
		return token;
	}

	public void setToken(String token) {
		this.token = token;
	}

}
