package org.waterhole;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.waterhole.organization.Role;
import org.waterhole.support.SecurityPolicies;
import org.waterhole.support.TestData;
import org.waterhole.support.Visitor;
import org.waterhole.support.Visitor.Page;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The headers that every route's answer carries are checked by RouteAccessTests; here, what it
 * doesn't reach: HTTPS (also as a proxy that ended TLS reports it), static files, error pages,
 * redirects and downloads. The policies are read by their directives ({@link SecurityPolicies}),
 * not compared with the application's constants, so a weakened policy fails.
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
		MvcResult style = mvc.perform(get("/assets/css/waterhole.css")).andReturn();
		MvcResult missing = mvc.perform(get("/no/such/page").with(data.as(Role.STAFF))).andReturn();

		assertThat(script.getResponse().getStatus()).isEqualTo(200);
		assertThat(style.getResponse().getStatus()).isEqualTo(200);
		assertThat(missing.getResponse().getStatus()).isEqualTo(404);
		SecurityPolicies.assertPromised(script.getResponse()::getHeaders, "the htmx script");
		SecurityPolicies.assertPromised(style.getResponse()::getHeaders, "the style sheet");
		SecurityPolicies.assertPromised(missing.getResponse()::getHeaders, "the missing page");
	}

	/**
	 * Over real HTTP, as the servlet container answers: the login page, a signed-in page, the
	 * container's error pages (missing, refused, a bad request), a redirect, a static file and a
	 * download.
	 */
	@Test
	void every_kind_of_answer_keeps_the_policy_the_readme_promises() {
		Visitor anonymous = new Visitor(port);
		Visitor staff = signedIn(Role.STAFF);
		Visitor manager = signedIn(Role.MANAGER);
		Map<String, Page> answers = new LinkedHashMap<>();
		answers.put("the login page", anonymous.get("/login"));
		answers.put("the redirect to the login page", anonymous.get("/experiments"));
		answers.put("a signed-in page", staff.get("/"));
		answers.put("the missing page", staff.get("/no/such/page"));
		answers.put("the page for another role", staff.get("/accounts"));
		answers.put("a bad request", staff.get("/experiments/not-a-number"));
		answers.put("a static file", anonymous.get("/assets/css/waterhole.css", "text/css"));
		answers.put("a CSV download", manager.get("/experiments/export.csv", "text/csv"));

		assertThat(answers.get("the login page").status()).isEqualTo(200);
		assertThat(answers.get("the redirect to the login page").status()).isEqualTo(302);
		assertThat(answers.get("a signed-in page").status()).isEqualTo(200);
		assertThat(answers.get("the missing page").status()).isEqualTo(404);
		assertThat(answers.get("the page for another role").status()).isEqualTo(403);
		assertThat(answers.get("a bad request").status()).isBetween(400, 404);
		assertThat(answers.get("a static file").status()).isEqualTo(200);
		assertThat(answers.get("a CSV download").status()).isEqualTo(200);
		answers.forEach((what, page) -> SecurityPolicies.assertPromised(page.headers()::allValues, what));
	}

	private Visitor signedIn(Role role) {
		Visitor visitor = new Visitor(port);
		assertThat(visitor.signIn(data.account(role), TestData.PASSWORD).location()).doesNotContain("error");
		return visitor;
	}

	/** The checks above are not a formality: each way a policy could be weakened is caught. */
	@Test
	void a_weakened_policy_fails_the_checks() {
		String promised = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
				+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
				+ "frame-ancestors 'none'";
		SecurityPolicies.assertContentSecurityPolicy(promised, "as promised");
		List<String[]> weakenings = List.of(new String[] { "script-src 'self'", "script-src 'self' 'unsafe-inline'" },
				new String[] { "script-src 'self';", "script-src 'self' 'unsafe-eval';" },
				new String[] { "script-src 'self';", "script-src 'self' https://cdn.example.org;" },
				new String[] { "default-src 'self'; script-src 'self'; ", "default-src 'self' data:; " },
				new String[] { "default-src 'self'", "default-src *" },
				new String[] { "style-src 'self'", "style-src 'self' 'unsafe-inline'" },
				new String[] { "font-src 'self'", "font-src 'self' data:" },
				new String[] { "connect-src 'self'", "connect-src http:" },
				new String[] { "object-src 'none'; ", "" },
				new String[] { "frame-ancestors 'none'", "frame-ancestors 'self'" },
				new String[] { "base-uri 'self'; ", "" },
				new String[] { "form-action 'self'", "form-action *" });
		for (String[] weakening : weakenings) {
			String weakened = promised.replace(weakening[0], weakening[1]);
			assertThat(weakened).isNotEqualTo(promised);
			assertThatThrownBy(() -> SecurityPolicies.assertContentSecurityPolicy(weakened, "weakened"))
				.as(weakened)
				.isInstanceOf(AssertionError.class);
		}
	}

}
