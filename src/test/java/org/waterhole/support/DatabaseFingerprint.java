package org.waterhole.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * What every table of the application holds, as one comparable value per table: its number of
 * rows and the sum of their {@code xmin}, the id of the transaction that wrote each row's current
 * version (PostgreSQL writes a new version of a row on every update). Two equal fingerprints mean
 * that no committed transaction added, removed or changed a row in between: how a test shows that
 * a refused submission kept nothing, not even half of itself.
 */
public final class DatabaseFingerprint {

	/**
	 * Tables that change without a user's edit: the schema's history, events in flight, failed
	 * sign-ins, sessions (every request notes its time) and the scheduled jobs' locks.
	 */
	public static final Set<String> BOOKKEEPING = Set.of("flyway_schema_history", "event_publication",
			"sign_in_failure", "spring_session", "spring_session_attributes", "shedlock");

	/** A safety net only: how long the events' listeners may take before the test fails. */
	private static final Duration SAFETY = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final String query;

	/** The events between modules that were not handled yet when this object was made. */
	private final Set<UUID> incompleteBefore;

	public DatabaseFingerprint(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.incompleteBefore = Set.copyOf(incompleteEvents());
		this.query = jdbc
			.sql("select table_name from information_schema.tables where table_schema = 'public'"
					+ " and table_type = 'BASE TABLE' order by table_name")
			.query(String.class)
			.list()
			.stream()
			.filter(table -> !BOOKKEEPING.contains(table))
			.map(table -> "select '" + table + "', count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from " + table)
			.collect(Collectors.joining(" union all "));
	}

	/** Table name to its fingerprint, taken once the events published since this object was made are handled. */
	public Map<String, String> take() {
		awaitEvents();
		Map<String, String> tables = new TreeMap<>();
		jdbc.sql(query).query((row, i) -> Map.entry(row.getString(1), row.getString(2))).list()
			.forEach(entry -> tables.put(entry.getKey(), entry.getValue()));
		return tables;
	}

	/**
	 * Waits until every event between modules published since this object was made has been
	 * handled: a listener writes in a transaction of its own, a moment after the request. Events
	 * that were waiting already then (another test's) don't count.
	 */
	private void awaitEvents() {
		// Asked at once and then often: a test takes thousands of fingerprints, mostly with nothing pending.
		await("the events published since the first fingerprint, handled").pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.atMost(SAFETY)
			.until(() -> incompleteBefore.containsAll(incompleteEvents()));
	}

	private List<UUID> incompleteEvents() {
		return jdbc.sql("select id from event_publication where completion_date is null").query(UUID.class).list();
	}

}
