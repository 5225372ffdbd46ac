package org.waterhole;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waterhole.organization.Role;
import org.waterhole.support.TestData;
import org.waterhole.support.Visitor;
import org.waterhole.support.Visitor.Page;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error pages, through the real servlet container: each says what happened in plain words,
 * inside the normal layout, and never shows a stack trace or an exception's text.
 */
@WaterholeTest
@Import(ErrorPagesTests.Failing.class)
class ErrorPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void an_unknown_address_and_an_unknown_id_give_the_404_page() {
		Visitor staff = signedIn(Role.STAFF);
		for (String path : new String[] { "/no/such/page", "/departments/" + Long.MAX_VALUE }) {
			Page page = staff.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.heading()).isEqualTo("Page not found");
			assertNoInternals(page);
		}
	}

	@Test
	void a_malformed_id_gives_the_400_page() {
		Page page = signedIn(Role.STAFF).get("/departments/12abc");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.heading()).isEqualTo("That request didn’t work");
		assertNoInternals(page);
	}

	@Test
	void a_failure_on_our_side_gives_the_5xx_page_without_internals() {
		Page page = signedIn(Role.STAFF).get("/test/fail");
		assertThat(page.status()).isEqualTo(500);
		assertThat(page.heading()).isEqualTo("Something went wrong on our side");
		assertThat(page.body()).doesNotContain("secret detail");
		assertNoInternals(page);
	}

	@Test
	void the_403_page_keeps_the_navigation_of_the_signed_in_user() {
		Page page = signedIn(Role.STAFF).get("/people");
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.document().select("nav a.nav-link").eachText()).contains("Departments").doesNotContain("People");
	}

	@Test
	void a_file_over_the_upload_limit_gives_the_413_page() throws Exception {
		Visitor strategist = signedIn(Role.STRATEGIST);
		String token = strategist.csrfToken();
		String boundary = "----waterhole-test";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write("x".repeat(7 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		Page page = strategist.postRaw("/people/import", "multipart/form-data; boundary=" + boundary,
				body.toByteArray());
		assertThat(page.status()).isEqualTo(413);
		assertThat(page.heading()).isEqualTo("File too large");
	}

	private Visitor signedIn(Role role) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(data.account(role), TestData.PASSWORD);
		return visitor;
	}

	private static void assertNoInternals(Page page) {
		assertThat(page.body()).doesNotContain("Exception", "at org.", "java.lang", "Whitelabel", "trace");
	}

	/** A route that fails, to see the 5xx page. Only this test's application context has it. */
	@TestConfiguration(proxyBeanMethods = false)
	@RestController
	static class Failing {

		@GetMapping("/test/fail")
		String fail() {
			throw new IllegalStateException("secret detail");
		}

	}

}
