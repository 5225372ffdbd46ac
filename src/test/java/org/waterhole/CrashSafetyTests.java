package org.waterhole;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.waterhole.support.EmbeddedDatabase;
import org.waterhole.support.HeldWrite;
import org.waterhole.support.StandaloneApplication;
import org.waterhole.support.Visitor;
import org.waterhole.support.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write is all or nothing: the database connection of a transaction that has written half of
 * what it writes is killed (as a crash of the application or a cut network would end it), and
 * nothing of it is kept; the user gets the "unavailable" page, and the next write works.
 */
class CrashSafetyTests {

	@Test
	void a_transaction_killed_midway_keeps_nothing() throws Exception {
		String url = EmbeddedDatabase.emptyDatabase("crash_safety");
		try (ConfigurableApplicationContext app = StandaloneApplication.startWithStrategist(url, List.of(HeldWrite.class))) {
			Visitor strategist = StandaloneApplication.signedIn(app);
			HeldWrite held = app.getBean(HeldWrite.class);

			CompletableFuture<Page> write = CompletableFuture.supplyAsync(() -> strategist.get("/test/held-write?name=Killed"));
			try {
				held.awaitHeld();
				assertThat(EmbeddedDatabase.number(url, """
						select count(pg_terminate_backend(pid)) from pg_stat_activity
						where datname = current_database() and state = 'idle in transaction' and pid <> pg_backend_pid()"""))
					.as("the connection of the open transaction, killed")
					.isEqualTo(1);
			}
			finally {
				held.goOn();
			}

			Page answer = write.get(30, TimeUnit.SECONDS);
			assertThat(answer.status()).isEqualTo(503);
			assertThat(answer.heading()).isEqualTo("Waterhole is unavailable for a moment");
			assertThat(EmbeddedDatabase.number(url, "select count(*) from department where name like 'Killed%'"))
				.as("neither half kept")
				.isZero();

			assertThat(strategist.get("/test/held-write?name=Afterwards").body()).isEqualTo("written");
			assertThat(EmbeddedDatabase.number(url, "select count(*) from department where name like 'Afterwards%'"))
				.isEqualTo(2);
		}
	}

}
