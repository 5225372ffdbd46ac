package org.waterhole;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.waterhole.organization.Role;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.Visitor.Page;
import org.waterhole.support.Visitor;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Repeated failed sign-ins pause signing in per email and per address, for accounts that exist or
 * not, however the sign-in's URL is spelt; wrong current passwords on the password page count
 * the same and are paused alike.
 */
@WaterholeTest
class SignInThrottleTests {

	static final String NEW_PASSWORD = "my next passphrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@LocalServerPort
	int port;

	@Test
	void five_failures_with_one_email_pause_it_even_with_the_right_password() throws Exception {
		String email = data.account(Role.STAFF);
		String address = address();
		for (int i = 0; i < 5; i++) {
			signIn(email, "a wrong guess " + i, address).andExpect(redirectedUrl("/login?error"));
		}

		signIn(email, TestData.PASSWORD, address).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?paused"));
		signIn(email.toUpperCase(), TestData.PASSWORD, address()).andExpect(redirectedUrl("/login?paused"));
		mvc.perform(get("/login").param("paused", ""))
			.andExpect(content().string(containsString("signing in is paused for 15 minutes")));
		// Someone else, from the same address, is not paused.
		signIn(data.account(Role.STAFF), TestData.PASSWORD, address).andExpect(authenticated());
	}

	@Test
	void an_email_without_an_account_is_paused_the_same_way() throws Exception {
		String nobody = TestData.email(TestData.unique("nobody"));
		for (int i = 0; i < 5; i++) {
			signIn(nobody, "a wrong guess " + i, address()).andExpect(redirectedUrl("/login?error"));
		}
		signIn(nobody, "a wrong guess", address()).andExpect(redirectedUrl("/login?paused"));
	}

	@Test
	void twenty_failures_from_one_address_pause_it_for_every_email() throws Exception {
		String address = address();
		for (int i = 0; i < 20; i++) {
			signIn(TestData.email(TestData.unique("guess")), "a wrong guess", address)
				.andExpect(redirectedUrl("/login?error"));
		}
		String email = data.account(Role.STAFF);
		signIn(email, TestData.PASSWORD, address).andExpect(redirectedUrl("/login?paused"));
		signIn(email, TestData.PASSWORD, address()).andExpect(authenticated());
	}

	@Test
	void the_pause_ends_and_a_success_forgets_the_failures() throws Exception {
		String email = data.account(Role.STAFF);
		for (int i = 0; i < 5; i++) {
			signIn(email, "a wrong guess " + i, address());
		}
		signIn(email, TestData.PASSWORD, address()).andExpect(redirectedUrl("/login?paused"));

		TestClock.get().advance(Duration.ofMinutes(16));
		signIn(email, TestData.PASSWORD, address()).andExpect(authenticated());
		// Counting starts again from nothing: four failures don't pause it.
		for (int i = 0; i < 4; i++) {
			signIn(email, "a wrong guess " + i, address()).andExpect(redirectedUrl("/login?error"));
		}
		signIn(email, TestData.PASSWORD, address()).andExpect(authenticated());
	}

	/**
	 * Over real HTTP, where the servlet container decodes the URL as it would for anyone: every
	 * spelling of the sign-in URL that signs in at all is paused like {@code /login}; the others
	 * (another case, a trailing slash, path parameters, encoded separators) sign nobody in.
	 */
	@Test
	void no_spelling_of_the_sign_in_url_gets_round_the_pause() throws Exception {
		String email = data.account(Role.STAFF);
		for (int i = 0; i < 5; i++) {
			signIn(email, "a wrong guess " + i, address()).andExpect(redirectedUrl("/login?error"));
		}
		for (String path : List.of("/login", "/%6Cogin", "/%6c%6f%67%69%6e", "/log%69n")) {
			Visitor visitor = new Visitor(port);
			assertThat(signIn(visitor, path, email, TestData.PASSWORD, address()).location()).as(path)
				.endsWith("/login?paused");
			assertThat(visitor.get("/").status()).as("signed in through " + path).isEqualTo(302);
		}
		for (String path : List.of("/login/", "/LOGIN", "/Login", "/login;jsessionid=x", "/login;x=y", "/login%3Bx=y",
				"//login", "/./login", "/x/../login", "/login%2F", "/login%00", "/%2Flogin", "/login%20")) {
			Visitor visitor = new Visitor(port);
			Page answer = signIn(visitor, path, email, TestData.PASSWORD, address());
			assertThat(answer.status()).as(path).isIn(302, 400, 404);
			assertThat(String.valueOf(answer.location())).as(path).doesNotEndWith("/");
			assertThat(visitor.get("/").status()).as("signed in through " + path).isEqualTo(302);
		}
	}

	@Test
	void failures_through_another_spelling_of_the_sign_in_url_count_too() {
		String nobody = TestData.email(TestData.unique("nobody"));
		String address = address();
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(new Visitor(port), "/%6Cogin", nobody, "a wrong guess " + i, address).location())
				.endsWith("/login?error");
		}
		assertThat(signIn(new Visitor(port), "/login", nobody, "a wrong guess", address()).location())
			.endsWith("/login?paused");
	}

	@Test
	void wrong_current_passwords_on_the_password_page_pause_it_and_signing_in_alike() throws Exception {
		String email = data.account(Role.STAFF);
		for (int i = 0; i < 5; i++) {
			changeOwnPassword(email, "a wrong guess " + i, address())
				.andExpect(model().attributeHasFieldErrorCode("passwordForm", "currentPassword", "password.currentWrong"));
		}

		changeOwnPassword(email, TestData.PASSWORD, address()).andExpect(status().isOk())
			.andExpect(model().attributeErrorCount("passwordForm", 1))
			.andExpect(content().string(containsString("checked for 15 minutes and nothing was changed")));
		assertThat(passwordEncoder.matches(TestData.PASSWORD, data.user(email).getPassword())).as("unchanged").isTrue();
		signIn(email, TestData.PASSWORD, address()).andExpect(redirectedUrl("/login?paused"));
	}

	@Test
	void twenty_wrong_current_passwords_from_one_address_pause_the_page_there_for_everyone() throws Exception {
		String address = address();
		for (int account = 0; account < 4; account++) {
			String email = data.account(Role.STAFF);
			for (int i = 0; i < 5; i++) {
				changeOwnPassword(email, "a wrong guess " + i, address).andExpect(status().isOk());
			}
		}
		String email = data.account(Role.STAFF);
		changeOwnPassword(email, TestData.PASSWORD, address)
			.andExpect(content().string(containsString("checked for 15 minutes and nothing was changed")));
		changeOwnPassword(email, TestData.PASSWORD, address()).andExpect(redirectedUrl("/"));
		assertThat(passwordEncoder.matches(NEW_PASSWORD, data.user(email).getPassword())).as("changed").isTrue();
	}

	/** Changes the user's own password on its page, giving {@code current} as the current one. */
	private ResultActions changeOwnPassword(String email, String current, String address) throws Exception {
		return mvc.perform(post("/account/password").param("currentPassword", current)
			.param("newPassword", NEW_PASSWORD)
			.param("confirmation", NEW_PASSWORD)
			.with(csrf())
			.with(user(data.user(email)))
			.with(request -> {
				request.setRemoteAddr(address);
				return request;
			}));
	}

	/** Signs in over HTTP at {@code path}, through a proxy (trusted on loopback) reporting the client {@code address}. */
	private static Page signIn(Visitor visitor, String path, String email, String password, String address) {
		return visitor.post(path, Map.of("email", email, "password", password), true,
				Map.of("X-Forwarded-For", address));
	}

	private ResultActions signIn(String email, String password, String address) throws Exception {
		return mvc.perform(post("/login").param("email", email).param("password", password).with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		}));
	}

	/** A client address of its own, so that the tests' failures don't add up. */
	private static String address() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

}
