package org.waterhole.champion;

import java.nio.charset.StandardCharsets;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.shared.web.FlashMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** What a redirect after a POST leads to: the flash message, and the page that shows it. */
final class ChampionPages {

	private ChampionPages() {
	}

	/** The key of the flash message the POST left for the next page. */
	static String flashCode(MvcResult result) {
		Object flash = result.getFlashMap().get(FlashMessage.ATTRIBUTE);
		assertThat(flash).as("flash message").isInstanceOf(FlashMessage.class);
		return ((FlashMessage) flash).code();
	}

	/** The page the POST redirected to, as {@code user} sees it with the flash message. */
	static String followed(MockMvc mvc, MvcResult result, RequestPostProcessor user) throws Exception {
		String url = result.getResponse().getRedirectedUrl();
		assertThat(url).as("redirect").isNotNull();
		int fragment = url.indexOf('#');
		// The message for the next page is in the session (kept by Spring Session): send its cookie back.
		MvcResult page = mvc.perform(get(fragment < 0 ? url : url.substring(0, fragment))
			.cookie(result.getResponse().getCookies())
			.with(user)).andReturn();
		assertThat(page.getResponse().getStatus()).as(url).isEqualTo(200);
		return page.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
