package org.waterhole;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.waterhole.support.EmbeddedDatabase;
import org.waterhole.support.StandaloneApplication;
import org.waterhole.support.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application start at the same moment on one empty database: both start,
 * the migrations run once (Flyway takes a lock in PostgreSQL), exactly one first strategist is
 * made, and a department created on one instance is seen on the other.
 */
class TwoInstancesTests {

	@Test
	void two_instances_starting_at_once_on_an_empty_database_share_it() throws Exception {
		String url = EmbeddedDatabase.emptyDatabase("two_instances");
		CompletableFuture<ConfigurableApplicationContext> first = CompletableFuture.supplyAsync(() -> start(url));
		CompletableFuture<ConfigurableApplicationContext> second = CompletableFuture.supplyAsync(() -> start(url));
		try (ConfigurableApplicationContext one = first.get(120, TimeUnit.SECONDS);
				ConfigurableApplicationContext other = second.get(120, TimeUnit.SECONDS)) {
			assertThat(EmbeddedDatabase.number(url, "select count(*) from flyway_schema_history where not success")).isZero();
			assertThat(EmbeddedDatabase.number(url, "select count(*) - count(distinct version) from flyway_schema_history"))
				.as("each migration once")
				.isZero();
			assertThat(EmbeddedDatabase.number(url, "select count(*) from account")).as("one first strategist").isEqualTo(1);

			Visitor onOne = StandaloneApplication.signedIn(one);
			Visitor onOther = StandaloneApplication.signedIn(other);
			var created = onOne.post("/departments", java.util.Map.of("name", "Made on one", "headcount", "3"), true);
			assertThat(created.status()).isEqualTo(302);
			assertThat(onOther.get("/departments?q=Made+on+one").body()).contains("Made on one");
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		return StandaloneApplication.startWithStrategist(url, List.of());
	}

}
