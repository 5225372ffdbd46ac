package org.waterhole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.waterhole.support.StandaloneApplication;
import org.waterhole.support.Visitor;
import org.waterhole.support.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stops under the running application and starts again. The first request to meet the
 * outage gets the 503 page after waiting for a connection no longer than the pool's connection
 * timeout; it opens the breaker, and from then on every request that needs the database gets the
 * 503 page at once (no hang, no stack trace, no 500), the health check says DOWN at once, static
 * files are still served and the scheduled jobs skip their turns. One line says the database is
 * away, one that it is back: afterwards the application serves again by itself, without a restart.
 * The application runs on a PostgreSQL server of this test's own, so that no other test loses its
 * database.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(300) // a safety net for a page that would hang: no evidence of anything
class DatabaseOutageTests {

	/** {@code spring.datasource.hikari.connection-timeout} of application.properties. */
	private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

	/** How long a request takes while the database is known to be away: the median of those timed. */
	private static final Duration AT_ONCE = Duration.ofMillis(100);

	/**
	 * The most any one of them may take: a fifth of the pool's wait, so none waited for a connection,
	 * with room for a garbage collection or a busy machine.
	 */
	private static final Duration NEVER_WAITED = CONNECTION_TIMEOUT.dividedBy(5);

	private final List<Duration> times = new ArrayList<>();

	private static final String UNAVAILABLE = "Waterhole is unavailable for a moment";

	private static final String OPENED = "The database is unavailable: pages answer 503";

	private static final String CLOSED = "The database is available again";

	@TempDir
	Path directory;

	@Test
	void pages_say_the_database_is_unavailable_at_once_and_come_back_by_themselves(CapturedOutput output)
			throws IOException {
		Path data = Files.createDirectories(directory.resolve("data"));
		EmbeddedPostgres postgres = start(data, 0);
		int port = postgres.getPort();
		// The sessions' clean-up takes its turn every second, to meet the outage; its skipped turns are told.
		try (ConfigurableApplicationContext app = StandaloneApplication.startWithStrategist(
				"jdbc:postgresql://localhost:" + port + "/postgres", List.of(),
				"--waterhole.sessions.cleanup-cron=* * * * * *", "--logging.level.org.waterhole.shared.ScheduledJobs=debug")) {
			Visitor strategist = StandaloneApplication.signedIn(app);
			Page experiments = strategist.get("/experiments");
			assertThat(experiments.status()).isEqualTo(200);
			String stylesheet = experiments.document().select("link[rel=stylesheet][href*=waterhole]").attr("href");
			String token = strategist.get("/departments/new").document().selectFirst("input[name=_csrf]").val();
			Visitor anonymous = new Visitor(StandaloneApplication.port(app));
			String anonymousToken = anonymous.csrfToken();
			Visitor stranger = new Visitor(StandaloneApplication.port(app)); // no session at all
			// A running instance has answered the health check and shown error pages before an outage;
			// this one does too, so that the times below are those of the 503 page, not of loading classes.
			assertThat(stranger.get("/actuator/health", "application/json").body()).contains("UP");
			assertThat(stranger.get("/assets/no-such-file.css", "text/html").status()).isEqualTo(404);

			postgres.close();

			// The first request meets a pooled connection the server cut, or finds no server: it waits
			// for a connection no longer than the pool's connection timeout, the setting in use.
			assertThat(Duration.ofMillis(app.getBean(HikariDataSource.class).getConnectionTimeout()))
				.isEqualTo(CONNECTION_TIMEOUT);
			assertUnavailable("the first request", strategist.get("/experiments"));

			List<Supplier<Page>> requests = List.of(() -> strategist.get("/experiments"),
					() -> strategist.get("/champions"), () -> strategist.get("/library"),
					// A form sent meanwhile (its CSRF token is in the session, which can't be read either).
					() -> strategist.post("/departments", Map.of("name", "Sent while away", "_csrf", token), false),
					() -> anonymous.get("/login"), () -> anonymous.post("/login",
							Map.of("email", "someone@example.org", "password", "a passphrase", "_csrf", anonymousToken),
							false),
					() -> stranger.get("/"));
			for (int i = 0; i < 21; i++) {
				assertUnavailable("request " + i, timed("request " + i, requests.get(i % requests.size())));
			}

			// The health check, as a load balancer's probe asks it (without a session): DOWN at once.
			assertThat(timed("the health check", () -> stranger.get("/actuator/health", "application/json")).body())
				.contains("DOWN");
			// Static files need no database, even asked for with a session cookie (as the 503 page's own).
			assertThat(timed("a static file", () -> strategist.get(stylesheet, "text/css")).status()).isEqualTo(200);
			List<Duration> sorted = times.stream().sorted().toList();
			System.out.printf("%d answers while the database was away: median %d ms, slowest %d ms%n", sorted.size(),
					sorted.get(sorted.size() / 2).toMillis(), sorted.get(sorted.size() - 1).toMillis());
			assertThat(sorted.get(sorted.size() / 2)).as("the median answer").isLessThan(AT_ONCE);

			// A scheduled job whose turn comes meanwhile skips it.
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(output.getAll())
					.contains("The scheduled job delete-expired-sessions skips its turn: the database is unavailable"));
			assertThat(output.getAll()).doesNotContain("Unexpected error occurred in scheduled task")
				.doesNotContain("A scheduled job failed");

			postgres = start(data, port);

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(strategist.get("/experiments").status()).isEqualTo(200);
				assertThat(stranger.get("/actuator/health", "application/json").body()).contains("UP");
			});
			// One line when the outage began, one when it ended: none for each request.
			assertThat(occurrences(output.getAll(), OPENED)).isOne();
			assertThat(occurrences(output.getAll(), CLOSED)).isOne();
		}
		finally {
			postgres.close();
		}
	}

	private static void assertUnavailable(String what, Page page) {
		assertThat(page.status()).as(what).isEqualTo(503);
		assertThat(page.heading()).as(what).isEqualTo(UNAVAILABLE);
		assertThat(page.body()).as(what).doesNotContain("Exception").doesNotContain("org.postgresql");
	}

	/** The answer to {@code request}, which must come within {@link #NEVER_WAITED}; its time is kept. */
	private Page timed(String what, Supplier<Page> request) {
		long start = System.nanoTime();
		Page page = request.get();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(took).as(what + " answered in").isLessThan(NEVER_WAITED);
		times.add(took);
		return page;
	}

	private static int occurrences(String text, String line) {
		return text.split(Pattern.quote(line), -1).length - 1;
	}

	/**
	 * A server on {@code data}, kept when it stops, on {@code port} (0: one zonky finds). Started
	 * again, it takes the port it had: the application's JDBC address names no other.
	 */
	private static EmbeddedPostgres start(Path data, int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setRegisterShutdownHook(false)
			.start();
	}


}
