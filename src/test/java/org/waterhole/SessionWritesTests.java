package org.waterhole;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.organization.Role;
import org.waterhole.support.Statements;
import org.waterhole.support.TestData;
import org.waterhole.support.Visitor;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the session store (Spring Session's tables in PostgreSQL) is asked by each request: a
 * request that changes nothing in its session reads it once and writes nothing; signing in, a
 * message for the next page, signing out and a kept time of the last request over a minute old
 * are written.
 */
@WaterholeTest
class SessionWritesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	private Cookie session;

	@BeforeEach
	void signIn() throws Exception {
		List<String> signingIn = sessionStatements(() -> session = mvc
			.perform(formLogin("/login").userParameter("email").user(data.account(Role.STAFF)).password(TestData.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie(Visitor.SESSION_COOKIE));
		assertThat(session).as("the session cookie").isNotNull();
		assertThat(signingIn).as("signing in").contains("insert");
	}

	@Test
	void a_request_that_changes_nothing_in_its_session_reads_it_once_and_writes_nothing() throws Exception {
		for (String page : List.of("/account/password", "/")) {
			// The first view of a page with a form makes the session's CSRF token.
			mvc.perform(get(page).cookie(session)).andExpect(status().isOk());

			assertThat(sessionStatements(() -> mvc.perform(get(page).cookie(session)).andExpect(status().isOk())))
				.as(page)
				.containsExactly("select");
		}
	}

	@Test
	void a_message_for_the_next_page_is_written_and_so_is_its_removal_once_shown() throws Exception {
		List<String> sending = sessionStatements(() -> mvc
			.perform(post("/champions/volunteer/withdraw").cookie(session).with(csrf()))
			.andExpect(status().is3xxRedirection()));
		assertThat(sending).as("the request that leaves a message").containsAnyOf("insert", "update");

		List<String> showing = sessionStatements(
				() -> mvc.perform(get("/champions/volunteer").cookie(session)).andExpect(status().isOk()));
		assertThat(showing).as("the page that shows it").contains("delete");
	}

	@Test
	void signing_out_deletes_the_session() throws Exception {
		List<String> signingOut = sessionStatements(() -> mvc.perform(post("/logout").cookie(session).with(csrf()))
			.andExpect(status().is3xxRedirection()));

		assertThat(signingOut).contains("delete");
		assertThat(jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class, id()))
			.isZero();
	}

	@Test
	void the_time_of_the_last_request_is_written_once_the_kept_one_is_over_a_minute_old() throws Exception {
		mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk());

		idle(Duration.ofSeconds(50));
		assertThat(sessionStatements(() -> mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk())))
			.as("kept 50 seconds ago")
			.containsExactly("select");

		long twoMinutesAgo = idle(Duration.ofMinutes(2));
		assertThat(sessionStatements(() -> mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk())))
			.as("kept two minutes ago")
			.containsExactly("select", "update");
		assertThat(jdbc.queryForObject("select last_access_time from spring_session where session_id = ?", Long.class, id()))
			.isGreaterThan(twoMinutesAgo);
	}

	/** The kinds of statement ({@code select}, {@code update}...) {@code action} sent to the session tables, in order. */
	private static List<String> sessionStatements(Statements.Action action) throws Exception {
		return Statements.capture(action)
			.stream()
			.map(statement -> statement.sql().strip().toLowerCase(Locale.ROOT))
			.filter(sql -> sql.contains("spring_session"))
			.map(sql -> sql.split("\\s+", 2)[0])
			.toList();
	}

	/** Makes the kept time of the session's last request {@code ago} ago; the time written, in milliseconds. */
	private long idle(Duration ago) {
		long lastAccess = System.currentTimeMillis() - ago.toMillis();
		jdbc.update("update spring_session set last_access_time = ?, expiry_time = ? + max_inactive_interval * 1000::bigint"
				+ " where session_id = ?", lastAccess, lastAccess, id());
		return lastAccess;
	}

	/** The session's id as kept in the table (the cookie has it in Base64). */
	private String id() {
		return new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.US_ASCII);
	}

}
