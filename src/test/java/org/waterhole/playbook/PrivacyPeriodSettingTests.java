package org.waterhole.playbook;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The privacy page says the period that is set, not one written into it. */
@WaterholeTest
@TestPropertySource(properties = "waterhole.privacy.named-readings=P6M")
class PrivacyPeriodSettingTests {

	@Autowired
	MockMvc mvc;

	@Test
	void the_page_says_the_period_set() throws Exception {
		Document page = Jsoup.parse(mvc.perform(get("/privacy"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("#privacy-kept-readings").text()).contains("6 months").doesNotContain("13");
		assertThat(page.select("#privacy-kept-views").text()).contains("6 months");
	}

}
