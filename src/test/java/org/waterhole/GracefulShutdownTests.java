package org.waterhole;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waterhole.organization.DepartmentForm;
import org.waterhole.organization.DepartmentService;
import org.waterhole.support.EmbeddedDatabase;
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
		assertThat(held.firstHalfWritten.await(20, TimeUnit.SECONDS)).as("the write began").isTrue();
		// What SIGTERM does, through the JVM's shutdown hook; close() returns once everything stopped.
		CompletableFuture<Void> stopped = CompletableFuture.runAsync(app::close);
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> !graceful.isRunning());
			// The web server closes its socket right after its graceful shutdown began; no request
			// sent from then on may be answered, and the first whose connection is refused shows it.
			await().atMost(Duration.ofSeconds(20)).until(() -> refused(port));
			assertThat(inFlight).as("the write is still in flight").isNotDone();
			assertThat(stopped).as("the stop waits for the write").isNotDone();
		}
		finally {
			held.goOn.countDown();
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
	 * Whether a newcomer's request (a new connection) is refused. A request sent in the moment the
	 * socket closes may be reset instead (not yet refused); one that is answered fails the test.
	 */
	private static boolean refused(int port) {
		Page page;
		try {
			page = new Visitor(port).get("/login");
		}
		catch (UncheckedIOException ex) {
			return ex.getCause() instanceof ConnectException;
		}
		throw new AssertionError("a request sent after the stop began was answered: " + page.status());
	}

	/**
	 * {@code GET /test/held-write?name=N} creates the department "N first half", waits for the test
	 * to let it go on, then creates "N second half", all in one transaction.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@RestController
	static class HeldWrite {

		final CountDownLatch firstHalfWritten = new CountDownLatch(1);

		final CountDownLatch goOn = new CountDownLatch(1);

		private final DepartmentService departments;

		private final TransactionTemplate transaction;

		HeldWrite(DepartmentService departments, TransactionTemplate transaction) {
			this.departments = departments;
			this.transaction = transaction;
		}

		@GetMapping("/test/held-write")
		String write(@RequestParam String name) {
			transaction.executeWithoutResult(status -> {
				departments.create(form(name + " first half"));
				firstHalfWritten.countDown();
				try {
					if (!goOn.await(60, TimeUnit.SECONDS)) {
						throw new IllegalStateException("never let go on");
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
				departments.create(form(name + " second half"));
			});
			return "written";
		}

		private static DepartmentForm form(String name) {
			DepartmentForm form = new DepartmentForm();
			form.setName(name);
			return form;
		}

	}

}
