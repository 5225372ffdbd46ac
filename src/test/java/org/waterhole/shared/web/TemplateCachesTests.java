package org.waterhole.shared.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.thymeleaf.cache.ICache;
import org.thymeleaf.cache.StandardCache;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.waterhole.organization.Role;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Thymeleaf's expression cache holds what the main pages use together. With Thymeleaf's default
 * (500 entries, first in, first out) the pages below already push each other's expressions out.
 */
@WaterholeTest
class TemplateCachesTests {

	private static final int THYMELEAF_DEFAULT = 500;

	@Autowired
	MockMvc mvc;

	@Autowired
	SpringTemplateEngine engine;

	@Autowired
	TestData data;

	@Test
	void the_main_pages_expressions_fit_in_the_expression_cache_together() throws Exception {
		// From cold: a parsed template keeps its attributes' expressions with it, so pages whose
		// templates other tests already parsed would look up fewer expressions in the cache.
		engine.getCacheManager().clearAllCaches();
		RequestPostProcessor strategist = user(data.user(Role.STRATEGIST));
		for (String page : new String[] { "/library", "/library/search?q=video", "/experiments", "/champions",
				"/adoption", "/adoption/dashboard", "/departments", "/people", "/accounts", "/account/password" }) {
			mvc.perform(get(page).with(strategist)).andExpect(status().isOk());
		}
		ICache<?, ?> expressions = engine.getCacheManager().getExpressionCache();
		assertThat(expressions).isInstanceOf(StandardCache.class);
		StandardCache<?, ?> cache = (StandardCache<?, ?>) expressions;
		assertThat(cache.getMaxSize()).isEqualTo(TemplateCaches.EXPRESSIONS);
		// These pages alone need more than the default keeps, and far less than this cache's limit.
		assertThat(cache.size()).isGreaterThan(THYMELEAF_DEFAULT).isLessThan(TemplateCaches.EXPRESSIONS / 4);
		StandardCache<?, ?> templates = (StandardCache<?, ?>) engine.getCacheManager().getTemplateCache();
		assertThat(templates.getMaxSize()).isEqualTo(TemplateCaches.TEMPLATES);
	}

}
