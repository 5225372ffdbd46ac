package org.waterhole.support;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The local run's database: an embedded PostgreSQL on {@code waterhole.local.data-directory}
 * ({@code .waterhole/postgres} by default), on {@code waterhole.local.database-port}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalDatabase {

	@Bean
	JdbcConnectionDetails localDatabaseConnection(@Value("${waterhole.local.data-directory}") Path dataDirectory,
			@Value("${waterhole.local.database-port}") int port) {
		return EmbeddedDatabaseConfiguration
			.connectionDetails(EmbeddedDatabase.persistent(dataDirectory.toAbsolutePath(), port));
	}

}
