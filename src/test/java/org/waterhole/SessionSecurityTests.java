package org.waterhole;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.waterhole.organization.Role;
import org.waterhole.support.TestData;
import org.waterhole.support.Visitor;
import org.waterhole.support.Visitor.Page;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions over real HTTP: a new one at sign-in, none after signing out, and a 30-minute timeout
 * (sessions are kept in PostgreSQL by Spring Session).
 */
@WaterholeTest
class SessionSecurityTests {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void signing_in_changes_the_session_id_so_a_planted_one_is_worthless() {
		Visitor visitor = new Visitor(port);
		String before = visitor.get("/login").sessionId().orElseThrow();

		Page signedIn = visitor.signIn(data.account(Role.STAFF), TestData.PASSWORD);

		assertThat(signedIn.location()).endsWith("/");
		assertThat(signedIn.sessionId()).isPresent().get().isNotEqualTo(before);
		assertThat(get("/", before).statusCode()).as("the session from before signing in").isEqualTo(302);
	}

	@Test
	void signing_out_ends_the_session_for_whoever_holds_its_id() {
		Visitor visitor = new Visitor(port);
		String session = visitor.signIn(data.account(Role.STAFF), TestData.PASSWORD).sessionId().orElseThrow();
		assertThat(get("/", session).statusCode()).isEqualTo(200);

		Page signedOut = visitor.post("/logout", Map.of(), true);

		assertThat(signedOut.location()).endsWith("/login?logout");
		HttpResponse<String> after = get("/", session);
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/login"));
	}

	@Test
	void idle_sessions_end_after_thirty_minutes() {
		Visitor visitor = new Visitor(port);
		String session = visitor.signIn(data.account(Role.STAFF), TestData.PASSWORD).sessionId().orElseThrow();
		String id = new String(Base64.getDecoder().decode(session), StandardCharsets.US_ASCII);
		assertThat(jdbc.queryForObject("select max_inactive_interval from spring_session where session_id = ?",
				Integer.class, id))
			.as("seconds")
			.isEqualTo(30 * 60);

		idle(id, Duration.ofMinutes(29));
		assertThat(get("/", session).statusCode()).as("after 29 idle minutes").isEqualTo(200);

		idle(id, Duration.ofMinutes(31));
		HttpResponse<String> after = get("/", session);
		assertThat(after.statusCode()).as("after 31 idle minutes").isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/login"));
		assertThat(jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class, id))
			.as("the ended session is deleted")
			.isZero();
	}

	@Test
	void a_session_written_by_another_version_that_no_longer_reads_signs_its_user_out_instead_of_failing() {
		Visitor visitor = new Visitor(port);
		String email = data.account(Role.STAFF);
		String session = visitor.signIn(email, TestData.PASSWORD).sessionId().orElseThrow();
		String id = new String(Base64.getDecoder().decode(session), StandardCharsets.US_ASCII);
		// What a changed class (a new serialVersionUID) makes of a kept attribute: bytes that don't read.
		int spoiled = jdbc.update("update spring_session_attributes set attribute_bytes = ?::bytea"
				+ " where session_primary_id = (select primary_id from spring_session where session_id = ?)",
				"\\xaced0005deadbeef", id);
		assertThat(spoiled).as("the session's attributes").isPositive();

		HttpResponse<String> after = get("/", session);

		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/login"));
		assertThat(visitor.signIn(email, TestData.PASSWORD).location()).as("signing in again")
			.matches(".*/(\\?continue)?$");
	}

	@Test
	void the_time_of_the_last_request_is_kept_to_the_minute_not_written_by_every_request() {
		Visitor visitor = new Visitor(port);
		String session = visitor.signIn(data.account(Role.STAFF), TestData.PASSWORD).sessionId().orElseThrow();
		String id = new String(Base64.getDecoder().decode(session), StandardCharsets.US_ASCII);
		assertThat(get("/", session).statusCode()).isEqualTo(200);
		String kept = rowVersion(id);

		for (int i = 0; i < 3; i++) {
			assertThat(get("/", session).statusCode()).isEqualTo(200);
		}
		assertThat(rowVersion(id)).as("the session's row after three more requests within the minute").isEqualTo(kept);

		long twoMinutesAgo = idle(id, Duration.ofMinutes(2));
		assertThat(get("/", session).statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select last_access_time from spring_session where session_id = ?", Long.class, id))
			.as("the kept time, two minutes old, is written again")
			.isGreaterThan(twoMinutesAgo);
	}

	/** The transaction that wrote the session's row last (PostgreSQL's xmin). */
	private String rowVersion(String sessionId) {
		return jdbc.queryForObject("select xmin::text from spring_session where session_id = ?", String.class, sessionId);
	}

	@Test
	void requests_of_one_session_at_the_same_moment_all_get_their_page() throws Exception {
		Visitor visitor = new Visitor(port);
		String session = visitor.signIn(data.account(Role.STAFF), TestData.PASSWORD).sessionId().orElseThrow();
		// As right after signing in: no CSRF token yet, so each page's forms make one for the session.
		ExecutorService tabs = Executors.newFixedThreadPool(16);
		try {
			List<Future<HttpResponse<String>>> pages = tabs.invokeAll(
					Collections.nCopies(32, () -> get("/library", session)));
			for (Future<HttpResponse<String>> page : pages) {
				assertThat(page.get().statusCode()).isEqualTo(200);
			}
		}
		finally {
			tabs.shutdown();
		}
	}

	/**
	 * Makes the session's last request {@code ago} ago, as if its user had been away since; the
	 * time written, in milliseconds.
	 */
	private long idle(String sessionId, Duration ago) {
		long lastAccess = System.currentTimeMillis() - ago.toMillis();
		jdbc.update("update spring_session set last_access_time = ?, expiry_time = ? + max_inactive_interval * 1000::bigint"
				+ " where session_id = ?", lastAccess, lastAccess, sessionId);
		return lastAccess;
	}

	/** A GET with nothing but this session id: someone else holding it. */
	private HttpResponse<String> get(String path, String sessionId) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Cookie", Visitor.SESSION_COOKIE + "=" + sessionId)
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
