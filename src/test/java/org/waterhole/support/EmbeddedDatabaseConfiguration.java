package org.waterhole.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Points the application at the JVM's embedded PostgreSQL (a throw-away one for tests). Boot
 * still builds the connection pool and runs Flyway against it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedDatabaseConfiguration {

	@Bean
	JdbcConnectionDetails embeddedDatabase() {
		return connectionDetails(EmbeddedDatabase.forTests());
	}

	static JdbcConnectionDetails connectionDetails(EmbeddedPostgres postgres) {
		return connectionDetails(EmbeddedDatabase.jdbcUrl(postgres));
	}

	/** A database of the embedded server, as the superuser. */
	public static JdbcConnectionDetails connectionDetails(String url) {
		return connectionDetails(url, "postgres", "postgres");
	}

	/** The database at {@code url}, as {@code username}. */
	public static JdbcConnectionDetails connectionDetails(String url, String username, String password) {
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return username;
			}

			@Override
			public String getPassword() {
				return password;
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}

		};
	}

}
