package org.waterhole;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml can't run here (no Docker engine), so this checks what would make it fail:
 * its database name, user and port agree with the application's defaults, and the app gets
 * its settings from the same environment variables as everywhere else.
 */
class DockerComposeTests {

	static Map<String, Object> db;

	static Map<String, Object> app;

	static Map<String, Object> compose;

	static URI defaultUrl;

	static Properties defaults;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void read() throws IOException {
		try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
			compose = new Yaml().load(reader);
		}
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		db = (Map<String, Object>) services.get("db");
		app = (Map<String, Object>) services.get("app");
		defaults = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
			defaults.load(in);
		}
		defaultUrl = URI.create(defaults.getProperty("spring.datasource.url").substring("jdbc:".length()));
	}

	@Test
	void the_database_is_postgresql_17_with_a_named_volume_and_a_health_check() {
		assertThat(db.get("image")).isEqualTo("postgres:17");
		assertThat(env(db)).containsKeys("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD");
		String volume = ((java.util.List<?>) db.get("volumes")).get(0).toString().split(":")[0];
		assertThat(((Map<?, ?>) compose.get("volumes")).keySet()).extracting(Object::toString).contains(volume);
		assertThat(db).containsKey("healthcheck");
		assertThat(db.get("healthcheck").toString()).contains("pg_isready");
	}

	@Test
	void the_database_name_user_and_port_agree_with_the_application_defaults() {
		assertThat(env(db).get("POSTGRES_DB")).isEqualTo(defaultUrl.getPath().substring(1));
		assertThat(env(db).get("POSTGRES_USER")).isEqualTo(defaults.getProperty("spring.datasource.username"));
		assertThat(defaultUrl.getPort()).isEqualTo(5432);

		URI appUrl = URI.create(env(app).get("SPRING_DATASOURCE_URL").toString().substring("jdbc:".length()));
		assertThat(appUrl.getHost()).isEqualTo("db");
		assertThat(appUrl.getPort()).isEqualTo(defaultUrl.getPort());
		assertThat(appUrl.getPath()).isEqualTo(defaultUrl.getPath());
		assertThat(env(app).get("SPRING_DATASOURCE_USERNAME")).isEqualTo(env(db).get("POSTGRES_USER"));
		assertThat(env(app).get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(env(db).get("POSTGRES_PASSWORD"));
	}

	@Test
	void the_app_waits_for_a_healthy_database_and_takes_the_admin_account_from_the_environment() {
		assertThat(app.get("depends_on").toString()).contains("db").contains("service_healthy");
		assertThat(env(app)).containsKeys("WATERHOLE_ADMIN_EMAIL", "WATERHOLE_ADMIN_PASSWORD");
		assertThat(app.get("ports").toString()).contains("8080:8080");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> env(Map<String, Object> service) {
		return (Map<String, Object>) service.get("environment");
	}

}
