package org.waterhole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * PostgreSQL stops under the running application and starts again: meanwhile pages answer the
 * 503 page, waiting for a connection no longer than the pool's connection timeout (no hang, no
 * stack trace) and the health check
 * says DOWN, and a scheduled job whose turn comes says in a line that it waits for its next;
 * afterwards the application serves again by itself, without a restart. The
 * application runs on a PostgreSQL server of this test's own, so that no other test loses its
 * database.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(300) // a safety net for a page that would hang: no evidence of anything
class DatabaseOutageTests {

	/** {@code spring.datasource.hikari.connection-timeout} of application.properties. */
	private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

	@TempDir
	Path directory;

	@Test
	void pages_say_the_database_is_unavailable_and_come_back_by_themselves(CapturedOutput output) throws IOException {
		Path data = Files.createDirectories(directory.resolve("data"));
		EmbeddedPostgres postgres = start(data, 0);
		int port = postgres.getPort();
		// The sessions' clean-up takes its turn every second, to meet the outage.
		try (ConfigurableApplicationContext app = StandaloneApplication.startWithStrategist(
				"jdbc:postgresql://localhost:" + port + "/postgres", List.of(),
				"--waterhole.sessions.cleanup-cron=* * * * * *")) {
			Visitor strategist = StandaloneApplication.signedIn(app);
			assertThat(strategist.get("/experiments").status()).isEqualTo(200);
			String token = strategist.get("/departments/new").document().selectFirst("input[name=_csrf]").val();

			postgres.close();

			// The first request meets a pooled connection the server cut; the next ones find no server.
			// A page waits for a connection no longer than the pool's connection timeout, the setting in use.
			assertThat(Duration.ofMillis(app.getBean(HikariDataSource.class).getConnectionTimeout()))
				.isEqualTo(CONNECTION_TIMEOUT);
			for (String path : new String[] { "/experiments", "/champions", "/library" }) {
				Page page = strategist.get(path);
				assertThat(page.status()).as(path).isEqualTo(503);
				assertThat(page.heading()).as(path).isEqualTo("Waterhole is unavailable for a moment");
				assertThat(page.body()).as(path).doesNotContain("Exception").doesNotContain("org.postgresql");
			}
			// A form sent meanwhile (its CSRF token is in the session, which can't be read either).
			Page sent = strategist.post("/departments", Map.of("name", "Sent while away", "_csrf", token), false);
			assertThat(sent.status()).as("a form sent").isEqualTo(503);
			assertThat(sent.heading()).as("a form sent").isEqualTo("Waterhole is unavailable for a moment");

			// The health check, as a load balancer's probe asks it: without a session.
			Visitor probe = new Visitor(StandaloneApplication.port(app));
			assertThat(probe.get("/actuator/health", "application/json").body()).contains("DOWN");

			// A scheduled job whose turn came meanwhile said so in a line, and will run at its next.
			// (Its lock from before the outage may hold for up to 30 s more.)
			await().atMost(Duration.ofSeconds(40))
				.untilAsserted(() -> assertThat(output.getAll())
					.contains("A scheduled job could not run, the database is unavailable"));
			assertThat(output.getAll()).doesNotContain("Unexpected error occurred in scheduled task")
				.doesNotContain("A scheduled job failed");

			postgres = start(data, port);

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(strategist.get("/experiments").status()).isEqualTo(200);
				assertThat(probe.get("/actuator/health", "application/json").body()).contains("UP");
			});
		}
		finally {
			postgres.close();
		}
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
