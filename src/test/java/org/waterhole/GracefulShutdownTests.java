package org.waterhole;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ConfigurableApplicationContext;
import org.waterhole.support.EmbeddedDatabase;
import org.waterhole.support.HeldWrite;
import org.waterhole.support.StandaloneApplication;
import org.waterhole.support.Visitor;
import org.waterhole.support.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping the application (SIGTERM: the context closes) while a request is writing: the request
 * finishes, with the whole of its transaction kept, before the database connections close; a
 * request that comes after the stop began is not taken (its connection is refused), while the
 * first is still running. The write is held by the test, not by time: it goes on when the test
 * has seen what it wants to see.
 */
class GracefulShutdownTests {

	@Test
	void a_write_in_flight_finishes_whole_and_a_request_after_the_stop_began_is_refused() throws Exception {
		String url = EmbeddedDatabase.emptyDatabase("graceful_shutdown");
		ConfigurableApplicationContext app = StandaloneApplication.startWithStrategist(url, List.of(HeldWrite.class));
		int port = StandaloneApplication.port(app);
		HeldWrite held = app.getBean(HeldWrite.class);
		WebServerGracefulShutdownLifecycle graceful = app.getBean(WebServerGracefulShutdownLifecycle.class);
		Visitor strategist = StandaloneApplication.signedIn(app);
		assertThat(new Visitor(port).get("/login").status()).as("a newcomer is served before the stop").isEqualTo(200);

		CompletableFuture<Page> inFlight = CompletableFuture.supplyAsync(() -> strategist.get("/test/held-write?name=Stop"));
		held.awaitHeld();
		// What SIGTERM does, through the JVM's shutdown hook; close() returns once everything stopped.
		CompletableFuture<Void> stopped = CompletableFuture.runAsync(app::close);
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> !graceful.isRunning());
			// The web server closes its socket just after its graceful shutdown began: a newcomer
			// may still be answered in between; once one is refused, every later one is too.
			await().atMost(Duration.ofSeconds(20)).until(() -> refused(port));
			for (int i = 0; i < 3; i++) {
				assertThat(refused(port)).as("a newcomer after the socket closed").isTrue();
			}
			assertThat(inFlight).as("the write is still in flight").isNotDone();
			assertThat(stopped).as("the stop waits for the write").isNotDone();
		}
		finally {
			held.goOn();
		}
		Page answer = inFlight.get(30, TimeUnit.SECONDS);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("written");
		stopped.get(30, TimeUnit.SECONDS);
		assertThat(EmbeddedDatabase.number(url, "select count(*) from department where name like ?", "Stop%"))
			.as("both halves of the transaction")
			.isEqualTo(2);
	}

	/**
	 * Whether a newcomer's request (a new connection) is refused; {@code false} when it is answered,
	 * or reset in the moment the socket closes.
	 */
	private static boolean refused(int port) {
		try {
			new Visitor(port).get("/login");
			return false;
		}
		catch (UncheckedIOException ex) {
			return ex.getCause() instanceof ConnectException;
		}
	}

}
