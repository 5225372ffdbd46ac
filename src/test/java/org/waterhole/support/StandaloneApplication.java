package org.waterhole.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.waterhole.WaterholeApplication;

/**
 * The application started on its own, outside the tests' shared context: on a database of the
 * test's choosing and a free port, for tests about starting, stopping and losing the database.
 */
public final class StandaloneApplication {

	private StandaloneApplication() {
	}

	/**
	 * Starts the application on the database at {@code url} (as the embedded server's superuser)
	 * with {@code extraSources} (a test's own controllers) and {@code args}.
	 */
	public static ConfigurableApplicationContext start(String url, List<Class<?>> extraSources, String... args) {
		List<Class<?>> sources = new ArrayList<>(List.of(WaterholeApplication.class));
		sources.addAll(extraSources);
		SpringApplication application = new SpringApplication(sources.toArray(Class<?>[]::new));
		JdbcConnectionDetails database = EmbeddedDatabaseConfiguration.connectionDetails(url);
		application.addInitializers(context -> context.getBeanFactory().registerSingleton("standaloneDatabase", database));
		List<String> all = new ArrayList<>(List.of("--server.port=0"));
		all.addAll(List.of(args));
		return application.run(all.toArray(String[]::new));
	}

	/** The port the started application listens on. */
	public static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

}
