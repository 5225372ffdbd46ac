package org.waterhole.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The PostgreSQL server of the machine, apart from the embedded one: for tests that need a server
 * whose client programs ({@code pg_dump}, {@code pg_restore}) are installed beside it. On this
 * project's machines and CI's it listens on 127.0.0.1:5432 with trust authentication for the user
 * {@code postgres} ({@code .ci/run} starts it when it is stopped). Elsewhere, name another server
 * with {@code WATERHOLE_TEST_PG_HOST}, {@code WATERHOLE_TEST_PG_PORT} and
 * {@code WATERHOLE_TEST_PG_USER}, as environment variables or system properties; a password is
 * taken from {@code PGPASSWORD}, which the client programs read too. The user must be allowed to
 * create databases. A test that can't reach the server fails, saying what it needs.
 */
public final class MachinePostgres {

	private final String host;

	private final int port;

	private final String user;

	private final String password;

	private MachinePostgres(String host, int port, String user, String password) {
		this.host = host;
		this.port = port;
		this.user = user;
		this.password = password;
	}

	/** The server named by the settings above, checked to answer. */
	public static MachinePostgres connect() {
		MachinePostgres server = new MachinePostgres(setting("WATERHOLE_TEST_PG_HOST", "127.0.0.1"),
				Integer.parseInt(setting("WATERHOLE_TEST_PG_PORT", "5432")), setting("WATERHOLE_TEST_PG_USER", "postgres"),
				setting("PGPASSWORD", ""));
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user,
				server.password)) {
			connection.isValid(5);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("This test needs a PostgreSQL server at " + server.host + ":" + server.port
					+ " that the user " + server.user + " may sign in to and create databases on. On this project's"
					+ " machines it runs already, and .ci/run starts it when it is stopped (pg_ctlcluster); elsewhere"
					+ " name another with WATERHOLE_TEST_PG_HOST, WATERHOLE_TEST_PG_PORT, WATERHOLE_TEST_PG_USER"
					+ " (and PGPASSWORD). The connection failed: " + ex.getMessage(), ex);
		}
		return server;
	}

	/** The server's major version (15 for 15.20). */
	public int majorVersion() {
		return jdbc("postgres").sql("select current_setting('server_version_num')::int / 10000")
			.query(Integer.class)
			.single();
	}

	/** Creates the database {@code name} as an application's first start finds it: empty, owned by the user. */
	public void createDatabase(String name) {
		jdbc("postgres").sql("create database " + name).update();
	}

	/**
	 * Creates the database {@code name} from {@code template0}, with nothing of what may have been
	 * added to {@code template1}: what {@code pg_restore} should restore into.
	 */
	public void createPristineDatabase(String name) {
		jdbc("postgres").sql("create database " + name + " template template0").update();
	}

	/** Drops the database {@code name} if it exists, ending the connections still open to it. */
	public void dropDatabase(String name) {
		jdbc("postgres").sql("drop database if exists " + name + " with (force)").update();
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://" + host + ":" + port + "/" + database;
	}

	/** The database {@code database} of this server, for the application. */
	public JdbcConnectionDetails connectionDetails(String database) {
		return EmbeddedDatabaseConfiguration.connectionDetails(jdbcUrl(database), user, password);
	}

	/** A client of the database {@code database}, a connection a statement. */
	public JdbcClient jdbc(String database) {
		return JdbcClient.create(new DriverManagerDataSource(jdbcUrl(database), user, password));
	}

	/** The options that point PostgreSQL's client programs at this server (the password comes from PGPASSWORD). */
	public List<String> clientOptions() {
		return List.of("--host=" + host, "--port=" + port, "--username=" + user, "--no-password");
	}

	/** A system property, else the environment variable of the same name, else {@code fallback}. */
	static String setting(String name, String fallback) {
		String value = System.getProperty(name, System.getenv(name));
		return value == null || value.isBlank() ? fallback : value;
	}

}
