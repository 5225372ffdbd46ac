package org.waterhole.playbook;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.waterhole.organization.Role;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The privacy page: anyone reads it, signed in or not, with the periods from the settings; every
 * page's footer links to it, the login page too.
 */
@WaterholeTest
class PrivacyPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void anyone_reads_the_privacy_page_with_the_periods_kept() throws Exception {
		Document anonymous = page(get("/privacy"));
		assertThat(anonymous.select("#privacy-kept-readings").text()).contains("13 months", "daily counts");
		assertThat(anonymous.select("#privacy-kept-views").text()).contains("13 months");
		assertThat(anonymous.text()).contains("fewer than 5 people", "Former member", "7 days",
				"30 minutes");
		assertThat(anonymous.select("a[href=/account/data]")).hasSize(1);
		assertThat(anonymous.select("a[href=/account/readings]")).hasSize(1);
		assertThat(anonymous.select("#privacy-record-list li")).hasSize(8);
		assertThat(anonymous.select("#privacy-views-link")).isEmpty();
		for (Role role : Role.values()) {
			Document signedIn = page(get("/privacy").with(data.as(role)));
			assertThat(signedIn.select("#privacy-kept-readings").text()).as(role.name()).contains("13 months");
			assertThat(signedIn.select("#privacy-views-link")).as(role.name()).hasSize(role == Role.STRATEGIST ? 1 : 0);
		}
	}

	@Test
	void every_link_of_the_page_opens_for_staff() throws Exception {
		Document page = page(get("/privacy").with(data.as(Role.STAFF)));
		for (String href : page.select("main a[href^=/]").eachAttr("href")) {
			mvc.perform(get(href).with(data.as(Role.STAFF))).andExpect(status().isOk());
		}
		assertThat(page.select("main a[href^=/]").eachAttr("href")).contains("/account/readings", "/account/data");
	}

	@Test
	void every_page_links_to_it_in_its_footer_and_the_login_page_too() throws Exception {
		Document login = page(get("/login"));
		assertThat(login.select("footer a[href=/privacy]")).hasSize(1);
		assertThat(login.select("#login-privacy[href=/privacy]")).hasSize(1);
		for (String url : new String[] { "/", "/library", "/departments" }) {
			assertThat(page(get(url).with(data.as(Role.STAFF))).select("footer a[href=/privacy]")).as(url).hasSize(1);
		}
		assertThat(page(get("/privacy")).select("footer a[href=/privacy]")).hasSize(1);
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

}
