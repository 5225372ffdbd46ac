package org.waterhole.shared.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/** The links of list pages, from requests as the servlet container hands them over. */
class PageLinksTests {

	private final PageLinks links = new PageLinks();

	@AfterEach
	void forgetTheRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void links_keep_the_query_and_change_only_the_page_sort_or_filter_asked_for() {
		current("GET", "/experiments", "q=a+b%2Bc&platform=X&platform=TIKTOK&page=3&sort=title,asc", Map.of());
		assertThat(links.page(0))
			.isEqualTo("/experiments?q=a%20b%2Bc&platform=X&platform=TIKTOK&sort=title%2Casc&page=0");
		assertThat(links.sort("title")).isEqualTo("/experiments?q=a%20b%2Bc&platform=X&platform=TIKTOK&sort=title%2Cdesc");
		assertThat(links.sort("ice")).isEqualTo("/experiments?q=a%20b%2Bc&platform=X&platform=TIKTOK&sort=ice%2Casc");
		assertThat(links.ariaSort("title")).isEqualTo("ascending");
		assertThat(links.ariaSort("ice")).isEqualTo("none");
		assertThat(links.without("platform", "X")).isEqualTo("/experiments?q=a%20b%2Bc&platform=TIKTOK&sort=title%2Casc");
		assertThat(links.export("/experiments/export.csv"))
			.isEqualTo("/experiments/export.csv?q=a%20b%2Bc&platform=X&platform=TIKTOK&sort=title%2Casc");
	}

	@Test
	void a_posted_form_never_reaches_a_link() {
		current("POST", "/champions/5/activities", "page=1",
				Map.of("_csrf", "secret-token", "description", "what was typed", "sort", "description,desc"));
		assertThat(links.page(2)).isEqualTo("/champions/5/activities?page=2");
		assertThat(links.sort("date")).isEqualTo("/champions/5/activities?sort=date%2Casc");
		assertThat(links.export("/x.csv")).isEqualTo("/x.csv");
		assertThat(links.ariaSort("description")).isEqualTo("none");
		for (String link : new String[] { links.page(0), links.sort("description"), links.without("page", "1") }) {
			assertThat(link).doesNotContain("_csrf", "secret", "typed");
		}
	}

	@Test
	void a_post_without_a_query_links_to_the_bare_page_or_the_page_it_shows_again() {
		current("POST", "/champions/5/activities", null, Map.of("_csrf", "secret-token"));
		assertThat(links.page(1)).isEqualTo("/champions/5/activities?page=1");
		RequestContextHolder.currentRequestAttributes()
			.setAttribute(PageLinks.PATH, "/champions/5", ServletRequestAttributes.SCOPE_REQUEST);
		assertThat(links.page(1)).isEqualTo("/champions/5?page=1");
	}

	@Test
	void a_pair_that_cannot_be_decoded_is_left_out_and_empty_values_are_kept() {
		current("GET", "/library/search", "q=%zz&department=4&&type=&=x", Map.of());
		assertThat(links.page(1)).isEqualTo("/library/search?department=4&type=&page=1");
	}

	/** A request as the container gives it: the query's parameters and the posted ones in one map. */
	private static void current(String method, String path, String query, Map<String, String> posted) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setQueryString(query);
		if (query != null) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				try {
					if (equals > 0) {
						request.addParameter(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
								URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
					}
				}
				catch (IllegalArgumentException ex) {
					// left out, as the container leaves it out
				}
			}
		}
		posted.forEach(request::addParameter);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

}
