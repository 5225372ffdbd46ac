package org.waterhole.organization;

import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waterhole.shared.security.SignInProblem;
import org.waterhole.support.Browser;
import org.waterhole.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The login page with single sign-on configured beside Waterhole's own passwords, while the
 * identity provider is unreachable (its issuer is a local port nobody listens on): Waterhole
 * starts, the page offers both ways in, the button says the provider is away instead of
 * waiting for it, and the password form still signs in (also in Chromium, through the real
 * redirects).
 */
class LoginWithSingleSignOnTests extends LoginPageTest {

	/** The provider's time-out; a refused connection, which these tests show, never waits for it. */
	static final Duration TIMEOUT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void singleSignOnBesidePasswords(DynamicPropertyRegistry properties) {
		unreachableProvider(properties, TIMEOUT.toString());
	}

	@Test
	void the_page_offers_single_sign_on_above_the_password_form() throws Exception {
		Document page = page("/login");
		Element button = page.selectFirst("main a[href=/login/sso]");
		assertThat(button).isNotNull();
		assertThat(button.text()).isEqualTo("Sign in with " + LABEL);
		Element form = page.selectFirst("main form[action=/login][method=post]");
		assertThat(form).isNotNull();
		assertThat(form.select("input[name=email]")).hasSize(1);
		assertThat(form.select("input[type=password][name=password]")).hasSize(1);
		assertThat(button.siblingIndex()).as("the button comes before the form").isLessThan(form.siblingIndex());
		assertThat(page.select("main").text()).contains("or with your email and password");
	}

	@Test
	void each_problem_shows_its_own_message() throws Exception {
		for (SignInProblem problem : SignInProblem.values()) {
			Document page = page("/login?problem=" + problem.parameter());
			assertThat(page.select("main .alert-danger").text()).as(problem.name())
				.isEqualTo(message(problem.messageKey()));
		}
		assertThat(message("login.problem.unavailable")).isNotEqualTo(message("login.problem.failed"));
	}

	@Test
	void an_unknown_problem_shows_the_general_message_and_never_the_value() throws Exception {
		String html = mvc.perform(get("/login").param("problem", "Evil<b>Markup</b>"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(html).select("main .alert-danger").text()).isEqualTo(message("login.problem.failed"));
		assertThat(html).doesNotContain("Evil").doesNotContain("Markup");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void the_button_says_the_provider_is_away_once_its_connection_is_refused(CapturedOutput output) throws Exception {
		int before = output.getAll().length();
		for (int attempt = 0; attempt < 2; attempt++) {
			mvc.perform(get("/login/sso")).andExpect(redirectedUrl("/login?problem=unavailable"));
		}
		// Each click asked the provider, and what ended each question was the refused connection,
		// not the time-out (which would say "timed out").
		assertThat(output.getAll().substring(before).lines()
			.filter(line -> line.contains("could not be reached or read")))
			.hasSize(2)
			.allSatisfy(line -> assertThat(line).contains("Connection refused"));
	}

	@Test
	void in_chromium_the_button_comes_back_with_the_message_and_the_password_form_still_works() {
		try (Browser browser = new Browser(port, 1280, 900)) {
			browser.open("/login");
			browser.click(By.linkText("Sign in with " + LABEL));

			browser.waitForUrlEnding("/login?problem=unavailable");
			assertThat(browser.driver().findElement(By.cssSelector("main .alert")).getText())
				.isEqualTo(message("login.problem.unavailable"));
			browser.signIn(data.account(Role.STAFF), TestData.PASSWORD);
			browser.waitForUrlEnding("/");
			assertThat(browser.contentSecurityPolicyViolations()).as("Content-Security-Policy violations").isEmpty();
		}
	}

	@Test
	void going_to_the_provider_directly_lands_on_the_login_page_too() throws Exception {
		mvc.perform(get("/oauth2/authorization/sso")).andExpect(redirectedUrl("/login?problem=unavailable"));
	}

	@Test
	void the_password_form_still_signs_in_while_the_provider_is_away() throws Exception {
		String email = data.account(Role.STAFF);
		mvc.perform(post("/login").param("email", email).param("password", TestData.PASSWORD).with(csrf()))
			.andExpect(authenticated().withUsername(email))
			.andExpect(redirectedUrl("/"));
		mvc.perform(post("/login").param("email", email).param("password", "a wrong guess").with(csrf()))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void a_plain_visit_stays_on_the_page() throws Exception {
		mvc.perform(get("/login")).andExpect(status().isOk());
	}

}
