package org.waterhole.organization;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.waterhole.shared.security.SignInProblem;

/**
 * The single sign-on button: asks the provider for its configuration first, so that someone is
 * sent there only while it answers; otherwise the login page says it is away.
 */
@Controller
class SingleSignOnController {

	private final SingleSignOnProperties properties;

	private final IdentityProvider provider;

	SingleSignOnController(SingleSignOnProperties properties, IdentityProvider provider) {
		this.properties = properties;
		this.provider = provider;
	}

	@GetMapping(SignInConfiguration.SINGLE_SIGN_ON_PATH)
	String signOn() {
		if (!properties.enabled()) {
			return "redirect:/login";
		}
		try {
			provider.discover();
			return "redirect:/oauth2/authorization/" + IdentityProvider.REGISTRATION_ID;
		}
		catch (OAuth2AuthenticationException ex) {
			return "redirect:/login?problem=" + SignInProblem.UNAVAILABLE.parameter();
		}
	}

}
