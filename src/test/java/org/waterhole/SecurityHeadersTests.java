package org.waterhole;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.waterhole.organization.Role;
import org.waterhole.shared.security.SecurityConfiguration;
import org.waterhole.support.TestData;
import org.waterhole.support.Visitor;
import org.waterhole.support.Visitor.Page;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The headers that every route's answer carries are checked by RouteAccessTests; here, what it
 * doesn't reach: HTTPS (also as a proxy that ended TLS reports it), static files and the page for
 * an address that doesn't exist.
 */
@WaterholeTest
class SecurityHeadersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@LocalServerPort
	int port;

	@Test
	void over_https_browsers_are_told_to_keep_to_https_for_a_year() throws Exception {
		MvcResult secure = mvc.perform(get("/login").secure(true)).andReturn();
		MvcResult plain = mvc.perform(get("/login")).andReturn();

		assertThat(secure.getResponse().getHeader("Strict-Transport-Security"))
			.contains("max-age=31536000")
			.contains("includeSubDomains");
		assertThat(plain.getResponse().getHeader("Strict-Transport-Security")).isNull();
	}

	@Test
	void behind_a_proxy_that_ended_tls_the_request_counts_as_secure() {
		Page proxied = new Visitor(port).request("GET", "/login", Map.of("X-Forwarded-Proto", "https"));
		Page plain = new Visitor(port).request("GET", "/login", Map.of());

		assertThat(proxied.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				hsts -> assertThat(hsts).contains("max-age=31536000"));
		assertThat(sessionCookie(proxied)).contains("; Secure");
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(sessionCookie(plain)).doesNotContain("Secure");
	}

	private static String sessionCookie(Page page) {
		return page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith(Visitor.SESSION_COOKIE + "="))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void static_files_and_the_missing_page_carry_the_policy_too() throws Exception {
		MvcResult script = mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andReturn();
		MvcResult missing = mvc.perform(get("/no/such/page").with(data.as(Role.STAFF))).andReturn();

		assertThat(script.getResponse().getStatus()).isEqualTo(200);
		assertThat(missing.getResponse().getStatus()).isEqualTo(404);
		for (MvcResult result : new MvcResult[] { script, missing }) {
			assertThat(result.getResponse().getHeader("Content-Security-Policy"))
				.isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
			assertThat(result.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
			assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		}
	}

}
