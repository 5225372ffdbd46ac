package org.waterhole.organization;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A person's first sign-in shows, once, a notice that links to the privacy page; later sign-ins don't. */
@WaterholeTest
class FirstSignInNoticeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void the_first_sign_in_links_to_the_privacy_page_once() throws Exception {
		String email = data.account(Role.STAFF);

		Cookie first = signIn(email);
		Document home = home(first);
		assertThat(home.select("#privacy-notice a[href=/privacy]")).hasSize(1);
		assertThat(home(first).select("#privacy-notice")).as("shown once").isEmpty();

		assertThat(home(signIn(email)).select("#privacy-notice")).as("a later sign-in").isEmpty();
	}

	/** Signs in with the form; the session's cookie (sessions are kept by Spring Session). */
	private Cookie signIn(String email) throws Exception {
		Cookie session = mvc.perform(formLogin().user("email", email).password(TestData.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();
		return session;
	}

	private Document home(Cookie session) throws Exception {
		return Jsoup.parse(mvc.perform(get("/").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
