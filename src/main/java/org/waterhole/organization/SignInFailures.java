package org.waterhole.organization;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.waterhole.shared.security.SignInProblem;

/**
 * Where a single sign-on that did not go through lands: the login page, saying what happened and
 * what to do ({@link SignInProblem}), never an error page. The local form still works there.
 */
class SignInFailures implements AuthenticationFailureHandler {


	private static final Logger log = LoggerFactory.getLogger(SignInFailures.class);

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		SignInProblem problem = problemOf(exception);
		// Only the problem: the provider's error text comes from the query string, which anyone can write.
		log.info("A single sign-on did not go through: {}", problem.parameter());
		response.sendRedirect(request.getContextPath() + "/login?problem=" + problem.parameter());
	}

	static SignInProblem problemOf(AuthenticationException exception) {
		if (NestedExceptionUtils.getRootCause(exception) instanceof IOException) {
			return SignInProblem.UNAVAILABLE;
		}
		if (!(exception instanceof OAuth2AuthenticationException oauth)) {
			return SignInProblem.FAILED;
		}
		return switch (oauth.getError().getErrorCode()) {
			case IdentityProvider.UNAVAILABLE -> SignInProblem.UNAVAILABLE;
			case SingleSignOnUserService.UNVERIFIED -> SignInProblem.UNVERIFIED;
			case SingleSignOnUserService.DISABLED -> SignInProblem.DISABLED;
			case "authorization_request_not_found", "invalid_state_parameter" -> SignInProblem.INTERRUPTED;
			case OAuth2ErrorCodes.ACCESS_DENIED -> SignInProblem.CANCELLED;
			case "outsider" -> SignInProblem.OUTSIDER;
			default -> SignInProblem.FAILED;
		};
	}

}
