package org.waterhole;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.waterhole.organization.Role;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Repeated failed sign-ins pause signing in per email and per address, for accounts that exist or not. */
@WaterholeTest
class SignInThrottleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

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

		jdbc.sql("update sign_in_failure set blocked_until = now() - interval '1 second',"
				+ " window_start = now() - interval '16 minutes'").update();
		signIn(email, TestData.PASSWORD, address()).andExpect(authenticated());
		// Counting starts again from nothing: four failures don't pause it.
		for (int i = 0; i < 4; i++) {
			signIn(email, "a wrong guess " + i, address()).andExpect(redirectedUrl("/login?error"));
		}
		signIn(email, TestData.PASSWORD, address()).andExpect(authenticated());
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
