package org.waterhole.organization;

import java.io.IOException;
import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.ResourceAccessException;
import org.waterhole.shared.security.SignInProblem;

import static org.assertj.core.api.Assertions.assertThat;

/** Where each way a single sign-on can fail lands: the login page, with the problem named. */
class SignInFailuresTests {

	@ParameterizedTest
	@CsvSource({
			"provider_unavailable, UNAVAILABLE",
			"authorization_request_not_found, INTERRUPTED",
			"invalid_state_parameter, INTERRUPTED",
			"access_denied, CANCELLED",
			"account_disabled, DISABLED",
			"email_unverified, UNVERIFIED",
			"invalid_id_token, FAILED",
			"server_error, FAILED",
			"something_new, FAILED" })
	void each_error_code_names_its_problem(String code, SignInProblem problem) {
		assertThat(SignInFailures.problemOf(new OAuth2AuthenticationException(new OAuth2Error(code)))).isEqualTo(problem);
	}

	@Test
	void the_codes_are_those_the_user_service_and_the_provider_raise() {
		assertThat(SingleSignOnUserService.DISABLED).isEqualTo("account_disabled");
		assertThat(SingleSignOnUserService.UNVERIFIED).isEqualTo("email_unverified");
		assertThat(IdentityProvider.UNAVAILABLE).isEqualTo("provider_unavailable");
	}

	@Test
	void a_provider_that_did_not_answer_is_unavailable_whatever_the_code() {
		IOException refused = new ConnectException("Connection refused");
		AuthenticationException wrapped = new OAuth2AuthenticationException(new OAuth2Error("invalid_token_response"),
				new ResourceAccessException("I/O error", refused));
		assertThat(SignInFailures.problemOf(wrapped)).isEqualTo(SignInProblem.UNAVAILABLE);
		assertThat(SignInFailures.problemOf(new InternalAuthenticationServiceException("no answer", refused)))
			.isEqualTo(SignInProblem.UNAVAILABLE);
	}

	@Test
	void an_exception_without_an_oauth2_error_is_a_failure() {
		assertThat(SignInFailures.problemOf(new BadCredentialsException("no"))).isEqualTo(SignInProblem.FAILED);
		assertThat(SignInFailures.problemOf(
				new InternalAuthenticationServiceException("broken", new IllegalStateException("not I/O"))))
			.isEqualTo(SignInProblem.FAILED);
	}

	@ParameterizedTest
	@CsvSource({ "access_denied, cancelled", "account_disabled, disabled", "server_error, failed" })
	void the_failure_redirects_to_the_login_page_naming_the_problem(String code, String parameter) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new SignInFailures().onAuthenticationFailure(new MockHttpServletRequest("GET", "/login/oauth2/code/sso"),
				response, new OAuth2AuthenticationException(new OAuth2Error(code)));
		assertThat(response.getRedirectedUrl()).isEqualTo("/login?problem=" + parameter);
	}

	@Test
	void the_redirect_keeps_the_context_path() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/waterhole/login/oauth2/code/sso");
		request.setContextPath("/waterhole");
		MockHttpServletResponse response = new MockHttpServletResponse();
		new SignInFailures().onAuthenticationFailure(request, response,
				new OAuth2AuthenticationException(new OAuth2Error("authorization_request_not_found")));
		assertThat(response.getRedirectedUrl()).isEqualTo("/waterhole/login?problem=interrupted");
	}

	@Test
	void every_problem_s_parameter_names_it_again() {
		for (SignInProblem problem : SignInProblem.values()) {
			assertThat(SignInProblem.fromParameter(problem.parameter())).isEqualTo(problem);
		}
		assertThat(SignInProblem.fromParameter("<script>")).isEqualTo(SignInProblem.FAILED);
		assertThat(SignInProblem.fromParameter(null)).isEqualTo(SignInProblem.FAILED);
	}

}
