package org.waterhole.organization;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.waterhole.shared.security.SignInProblem;

/**
 * The single sign-on button: asks the provider for its configuration first, so that someone is
 * sent there only while it answers; otherwise the login page says it is away. There only while
 * single sign-on is set up.
 */
@Controller
@ConditionalOnExpression("!'${waterhole.oidc.issuer-uri:}'.isBlank()")
class SingleSignOnController {

	private final IdentityProvider provider;

	SingleSignOnController(IdentityProvider provider) {
		this.provider = provider;
	}

	@GetMapping(SignInConfiguration.SINGLE_SIGN_ON_PATH)
	String signOn() {
		try {
			provider.discover();
			return "redirect:/oauth2/authorization/" + IdentityProvider.REGISTRATION_ID;
		}
		catch (OAuth2AuthenticationException ex) {
			return "redirect:/login?problem=" + SignInProblem.UNAVAILABLE.parameter();
		}
	}

}
