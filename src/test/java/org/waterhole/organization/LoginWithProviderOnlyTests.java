package org.waterhole.organization;


import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waterhole.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The login page when single sign-on is the only way in: Waterhole's own passwords are switched
 * off and a plain visit goes straight to the provider.
 */
class LoginWithProviderOnlyTests extends LoginPageTest {

	@DynamicPropertySource
	static void providerOnly(DynamicPropertyRegistry properties) {
		unreachableProvider(properties, "5s");
		properties.add("waterhole.oidc.straight-to-provider", () -> "true");
		properties.add("waterhole.sign-in.local-passwords", () -> "false");
	}

	@Test
	void a_plain_visit_goes_straight_to_the_provider() throws Exception {
		mvc.perform(get("/login")).andExpect(redirectedUrl("/login/sso"));
	}

	@Test
	void a_visit_with_a_message_stays_on_the_page_without_a_password_form() throws Exception {
		Document signedOut = page("/login?logout");
		assertThat(signedOut.select("main .alert-success").text()).isEqualTo(message("login.signedOut"));
		assertNoPasswordForm(signedOut);

		Document disabled = page("/login?problem=disabled");
		assertThat(disabled.select("main .alert-danger").text()).isEqualTo(message("login.problem.disabled"));
		assertNoPasswordForm(disabled);
	}

	@Test
	void a_correct_local_password_does_not_sign_in() throws Exception {
		String email = data.account(Role.STRATEGIST);
		mvc.perform(post("/login").param("email", email).param("password", TestData.PASSWORD).with(csrf()))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	private void assertNoPasswordForm(Document page) {
		assertThat(page.select("main a[href=/login/sso]").text())
			.isEqualTo("Sign in with " + LABEL);
		assertThat(page.select("form[action=/login]")).isEmpty();
		assertThat(page.select("input[type=password]")).isEmpty();
		assertThat(page.select("main").text()).doesNotContain("or with your email and password");
	}

}
