package org.waterhole;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waterhole.organization.OrganizationDemoData;
import org.waterhole.support.MachinePostgres;
import org.waterhole.support.StandaloneApplication;
import org.waterhole.support.TestClock;
import org.waterhole.support.Visitor.Page;
import org.waterhole.support.Visitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A backup taken as the README says restores whole, and the application runs on it. The
 * application starts with the demo data on a new database of the machine's PostgreSQL server
 * ({@link MachinePostgres}; the embedded PostgreSQL 17 comes without {@code pg_dump}, and a
 * {@code pg_dump} can't read a server newer than itself). While it runs, {@code pg_dump
 * --format=custom} takes the backup, and {@code pg_restore} restores it into a second, empty
 * database. Both then hold the same rows in every table, the same sequences and the same columns,
 * indexes, constraints and triggers; the application starts on the copy without migrating
 * anything, the demo strategist signs in and finds the same records through the pages and their
 * searches, and what is written next gets ids of its own (the sequences came along). Both
 * databases are dropped at the end.
 * <p>
 * {@code pg_dump} and {@code pg_restore} are taken from the PATH, or from the folder named by
 * {@code WATERHOLE_TEST_PG_BIN} (an environment variable or system property); their major version
 * must be at least the server's. The test fails, saying what to install or start, when either is
 * missing.
 */
class BackupRestoreTests {

	private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

	private static final Pattern CASTS = Pattern.compile("::(text|character varying)(\\[])?|[()]");

	@TempDir
	Path folder;

	private final MachinePostgres server = MachinePostgres.connect();

	@Test
	void a_dump_of_the_demo_database_restores_into_an_empty_one_and_the_application_runs_on_it() throws Exception {
		int serverVersion = server.majorVersion();
		for (String program : List.of("pg_dump", "pg_restore")) {
			int version = majorVersion(program);
			assertThat(version).withFailMessage("%s %s can't read or write for a PostgreSQL %s server: install the client"
					+ " programs of version %s or later, or name their folder with WATERHOLE_TEST_PG_BIN", program, version,
					serverVersion, serverVersion)
				.isGreaterThanOrEqualTo(serverVersion);
		}
		String original = "waterhole_backup_" + UUID.randomUUID().toString().substring(0, 8);
		String restored = original + "_restored";
		try {
			backUpAndRestore(original, restored);
		}
		finally {
			server.dropDatabase(original);
			server.dropDatabase(restored);
		}
	}

	private void backUpAndRestore(String original, String restored) throws Exception {
		Path dump = folder.resolve("waterhole.dump");
		JdbcClient before = server.jdbc(original);
		server.createDatabase(original);
		// No scheduled job may write between the dump and the reading of the original's rows.
		try (ConfigurableApplicationContext app = StandaloneApplication.start(server.connectionDetails(original),
				List.of(), "--waterhole.demo.enabled=true", "--waterhole.sessions.cleanup-cron=-",
				"--waterhole.events.retry-interval=PT24H")) {
			// The demo data publishes events between modules; their listeners write a moment later.
			await().atMost(Duration.ofSeconds(60))
				.until(() -> before.sql("select count(*) from event_publication where completion_date is null")
					.query(Long.class)
					.single() == 0);
			// A live backup, as a nightly one is taken: pg_dump reads one consistent snapshot.
			client("pg_dump", "--format=custom", "--file=" + dump, "--dbname=" + original);
		}
		server.createPristineDatabase(restored);
		client("pg_restore", "--no-owner", "--exit-on-error", "--single-transaction", "--dbname=" + restored,
				dump.toString());

		JdbcClient after = server.jdbc(restored);
		Map<String, TableContent> tables = contents(before);
		assertThat(tables).as("tables of the original").containsKeys("department", "person", "account",
				"case_study", "experiment", "champion", "adoption_event", "event_publication", "flyway_schema_history");
		assertThat(tables.get("adoption_event").rows()).as("the demo data, loaded").isPositive();
		assertThat(contents(after)).as("every table's rows, restored").isEqualTo(tables);
		List<String> sequences = sequences(before);
		assertThat(sequences(after)).as("every sequence's value, restored").isEqualTo(sequences);
		List<String> schema = schema(before);
		assertThat(schema(after)).as("columns, indexes, constraints, triggers, functions, extensions").isEqualTo(schema);
		System.out.printf("BackupRestoreTests: %d tables with %d rows, %d sequences and %d schema objects alike"
				+ " after the restore of a %d KiB dump; rows: %s%n", tables.size(),
				tables.values().stream().mapToLong(TableContent::rows).sum(), sequences.size(), schema.size(),
				Files.size(dump) / 1024, tables.entrySet()
					.stream()
					.map(table -> table.getKey() + " " + table.getValue().rows())
					.collect(Collectors.joining(", ")));

		Named department = before.sql("select id, name from department order by name limit 1").query(Named.class).single();
		Named experiment = before.sql("select id, title as name from experiment order by id limit 1")
			.query(Named.class)
			.single();
		Named caseStudy = before
			.sql("select id, title as name from case_study where status = 'PUBLISHED' order by id limit 1")
			.query(Named.class)
			.single();
		Named champion = before.sql("select id, person_name as name from champion order by id limit 1")
			.query(Named.class)
			.single();
		try (ConfigurableApplicationContext app = StandaloneApplication.start(server.connectionDetails(restored),
				List.of())) {
			assertThat(contents(after).get("flyway_schema_history")).as("no migration ran on the restored database")
				.isEqualTo(tables.get("flyway_schema_history"));
			Visitor strategist = StandaloneApplication.signedIn(app, OrganizationDemoData.STRATEGIST_EMAIL,
					OrganizationDemoData.PASSWORD);
			assertShows(strategist, "/departments/" + department.id(), department.name());
			assertShows(strategist, "/adoption/departments/" + department.id(), department.name());
			assertShows(strategist, "/adoption/dashboard", department.name());
			assertShows(strategist, "/experiments/" + experiment.id(), experiment.name());
			assertShows(strategist, "/experiments?q=" + encode(experiment.name()), experiment.name());
			assertShows(strategist, "/library/" + caseStudy.id(), caseStudy.name());
			assertShows(strategist, "/library/search?q=" + encode(caseStudy.name()), caseStudy.name());
			assertShows(strategist, "/champions/" + champion.id(), champion.name());

			// New rows take their ids from the restored sequences: none collides with a restored row.
			Page created = strategist.post("/departments", Map.of("name", "Founded after the restore", "headcount", "3"),
					true);
			assertThat(created.status()).as("a department created").isEqualTo(302);
			assertThat(newest(after, "department")).isGreaterThan(newest(before, "department"));
			Page recorded = strategist.post("/adoption/events",
					Map.of("departmentId", String.valueOf(department.id()), "occurredOn", TestClock.today().toString(),
							"kind", "NOTE", "title", "Noted after the restore"),
					true);
			assertThat(recorded.status()).as("an adoption note recorded").isEqualTo(302);
			assertThat(newest(after, "adoption_event")).isGreaterThan(newest(before, "adoption_event"));
			assertShows(strategist, "/adoption/departments/" + department.id(), "Noted after the restore");
		}
	}

	/** Runs one of PostgreSQL's client programs against the server. */
	private String client(String program, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(program(program)));
		command.addAll(server.clientOptions());
		command.addAll(List.of(arguments));
		return run(command);
	}

	/** Runs {@code command}; fails with its output unless it succeeds, and answers its output. */
	private String run(List<String> command) throws IOException, InterruptedException {
		Path output = Files.createTempFile(folder, "command", ".out");
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("This test needs PostgreSQL's client programs (" + command.get(0)
					+ " is missing): on Debian apt-get install postgresql-client, as .ci/run does, or name their folder"
					+ " with WATERHOLE_TEST_PG_BIN", ex);
		}
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(String.join(" ", command) + " took more than 5 minutes:\n"
					+ Files.readString(output));
		}
		String text = Files.readString(output);
		if (process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
					+ text);
		}
		return text;
	}

	private static String program(String name) {
		String bin = System.getProperty("WATERHOLE_TEST_PG_BIN", System.getenv("WATERHOLE_TEST_PG_BIN"));
		return bin == null || bin.isBlank() ? name : Path.of(bin, name).toString();
	}

	private int majorVersion(String program) throws IOException, InterruptedException {
		String version = run(List.of(program(program), "--version"));
		Matcher matcher = VERSION.matcher(version);
		if (!matcher.find()) {
			throw new IllegalStateException(program + " --version said: " + version);
		}
		return Integer.parseInt(matcher.group(1));
	}

	private record TableContent(long rows, String hash) {
	}

	private record Named(long id, String name) {
	}

	/** Every table of the application: its number of rows and a hash of all of them, in order. */
	private static Map<String, TableContent> contents(JdbcClient jdbc) {
		Map<String, TableContent> tables = new TreeMap<>();
		for (String table : jdbc.sql("select quote_ident(table_name) from information_schema.tables"
				+ " where table_schema = 'public' and table_type = 'BASE TABLE'").query(String.class).list()) {
			tables.put(table, jdbc.sql("select count(*) as rows, coalesce(md5(string_agg(t::text, ',' order by t::text)),"
					+ " '') as hash from " + table + " t").query(TableContent.class).single());
		}
		return tables;
	}

	/** Every sequence, with the value it last gave. */
	private static List<String> sequences(JdbcClient jdbc) {
		return jdbc.sql("select sequencename || ' ' || coalesce(last_value::text, 'unused') from pg_sequences"
				+ " where schemaname = 'public' order by 1").query(String.class).list();
	}

	/**
	 * What Flyway made besides the rows: columns, indexes, constraints, triggers, functions,
	 * extensions. Casts to text and parentheses are left out: PostgreSQL prints a restored
	 * {@code kind in ('A', 'B')} (of a check or a partial index) with its casts in other places,
	 * meaning the same.
	 */
	private static List<String> schema(JdbcClient jdbc) {
		return jdbc.sql("""
				select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
				       || coalesce(' default ' || column_default, '') || coalesce(' as ' || generation_expression, '')
				from information_schema.columns where table_schema = 'public'
				union all select 'index ' || indexdef from pg_indexes where schemaname = 'public'
				union all select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
				from pg_constraint where connamespace = 'public'::regnamespace
				union all select 'trigger ' || pg_get_triggerdef(oid) from pg_trigger where not tgisinternal
				union all select 'function ' || oid::regprocedure from pg_proc where pronamespace = 'public'::regnamespace
				union all select 'extension ' || extname || ' ' || extversion from pg_extension
				""").query(String.class).list().stream().map(line -> CASTS.matcher(line).replaceAll("")).sorted().toList();
	}

	private static long newest(JdbcClient jdbc, String table) {
		return jdbc.sql("select max(id) from " + table).query(Long.class).single();
	}

	private static void assertShows(Visitor visitor, String path, String text) {
		Page page = visitor.get(path);
		assertThat(page.status()).as(path).isEqualTo(200);
		assertThat(page.document().text()).as(path).contains(text);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
