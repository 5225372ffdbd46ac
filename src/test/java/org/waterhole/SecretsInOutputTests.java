package org.waterhole;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waterhole.organization.Role;
import org.waterhole.support.TestData;
import org.waterhole.support.Visitor;
import org.waterhole.support.Visitor.Page;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Passwords and session ids never reach the log or an error page, whatever goes wrong. */
@WaterholeTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsInOutputTests {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void failed_and_successful_sign_ins_and_error_pages_show_no_password_or_session_id(CapturedOutput output) {
		String wrong = "a-wrong-guess-" + TestData.unique("pw").replace(' ', '-');
		String email = data.account(Role.STAFF);
		Visitor visitor = new Visitor(port);
		Page failed = visitor.signIn(email, wrong);
		Page signedIn = visitor.signIn(email, TestData.PASSWORD);
		String cookie = signedIn.sessionId().orElseThrow();
		String session = new String(Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
		// Error pages: a missing page, a form refused for its role, a broken form post, a bad id.
		Page missing = visitor.get("/no/such/page?password=" + wrong);
		Page forbidden = visitor.post("/departments", Map.of("name", "x", "password", wrong), true);
		Page broken = visitor.post("/account/password", Map.of("currentPassword", wrong, "newPassword", "\u0000"), true);
		Page badId = visitor.get("/experiments/not-a-number");

		assertThat(failed.location()).endsWith("/login?error");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(broken.status()).isLessThan(500);
		assertThat(badId.status()).isLessThan(500);
		for (Page page : new Page[] { failed, missing, forbidden, broken, badId }) {
			assertThat(page.body()).doesNotContain(wrong, TestData.PASSWORD, session, cookie);
		}
		// The capture does see the application's log:
		LoggerFactory.getLogger(SecretsInOutputTests.class).warn("Checked the log for secrets ({})", email);
		assertThat(output.getAll()).contains("Checked the log for secrets (" + email + ")")
			.doesNotContain(wrong, TestData.PASSWORD, session, cookie);
	}

}
