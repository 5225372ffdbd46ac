package org.waterhole;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.waterhole.support.EmbeddedDatabase;
import org.waterhole.support.SlowWrite;
import org.waterhole.support.StandaloneApplication;
import org.waterhole.support.Visitor;
import org.waterhole.support.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the application (SIGTERM: the context closes) while a request is writing: the request
 * finishes, with the whole of its transaction kept, before the database connections close; a
 * request that comes after the stop began is not taken.
 */
class GracefulShutdownTests {

	@Test
	void a_write_in_flight_when_the_application_stops_finishes_whole() throws Exception {
		String url = EmbeddedDatabase.emptyDatabase("graceful_shutdown");
		ConfigurableApplicationContext app = StandaloneApplication.startWithStrategist(url, List.of(SlowWrite.class));
		Visitor strategist = StandaloneApplication.signedIn(app);

		CompletableFuture<Page> inFlight = CompletableFuture.supplyAsync(() -> strategist.get("/test/slow-write?name=Stop"));
		assertThat(app.getBean(SlowWrite.class).started().await(20, TimeUnit.SECONDS)).as("the write began").isTrue();
		long closing = System.nanoTime();
		app.close(); // what SIGTERM does, through the JVM's shutdown hook
		Duration closed = Duration.ofNanos(System.nanoTime() - closing);

		Page answer = inFlight.get(30, TimeUnit.SECONDS);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("written");
		assertThat(closed).as("the stop waited for the request").isGreaterThan(SlowWrite.PAUSE.minusMillis(500));
		assertThat(EmbeddedDatabase.number(url, "select count(*) from department where name like ?", "Stop%")).as("both halves of the transaction").isEqualTo(2);
	}

}
