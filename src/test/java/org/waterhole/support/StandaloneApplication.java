package org.waterhole.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.waterhole.WaterholeApplication;

/**
 * The application started on its own, outside the tests' shared context: on a database of the
 * test's choosing and a free port, for tests about starting, stopping and losing the database,
 * on the {@link TestClock}.
 */
public final class StandaloneApplication {

	private StandaloneApplication() {
	}

	/**
	 * Starts the application on the database at {@code url} (as the embedded server's superuser)
	 * with {@code extraSources} (a test's own controllers) and {@code args}.
	 */
	public static ConfigurableApplicationContext start(String url, List<Class<?>> extraSources, String... args) {
		return start(EmbeddedDatabaseConfiguration.connectionDetails(url), extraSources, args);
	}

	/** Starts the application as {@link #start(String, List, String...)} does, on the database {@code database}. */
	public static ConfigurableApplicationContext start(JdbcConnectionDetails database, List<Class<?>> extraSources,
			String... args) {
		List<Class<?>> sources = new ArrayList<>(List.of(WaterholeApplication.class, TestClockConfiguration.class));
		sources.addAll(extraSources);
		SpringApplication application = new SpringApplication(sources.toArray(Class<?>[]::new));
		application.addInitializers(context -> context.getBeanFactory().registerSingleton("standaloneDatabase", database));
		OneLoggingSetUpAtATime logging = new OneLoggingSetUpAtATime();
		application.addListeners(logging);
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--" + TestClockConfiguration.TIME_ZONE));
		all.addAll(List.of(args));
		try {
			return application.run(all.toArray(String[]::new));
		}
		finally {
			// A start that failed before its context was initialised (Spring Boot has cleaned up
			// Logback by the time run() throws): the next start may go.
			logging.release();
		}
	}

	/** The first strategist of an application started by {@link #startWithStrategist}. */
	public static final String STRATEGIST_EMAIL = "first@example.org";

	public static final String STRATEGIST_PASSWORD = "the first strategist's passphrase";

	/** Starts the application as {@link #start} does, its first start making the strategist above. */
	public static ConfigurableApplicationContext startWithStrategist(String url, List<Class<?>> extraSources,
			String... args) {
		List<String> all = new ArrayList<>(List.of("--waterhole.admin.email=" + STRATEGIST_EMAIL,
				"--waterhole.admin.password=" + STRATEGIST_PASSWORD));
		all.addAll(List.of(args));
		return start(url, extraSources, all.toArray(String[]::new));
	}

	/** A visitor of the started application, signed in as its first strategist. */
	public static Visitor signedIn(ConfigurableApplicationContext app) {
		return signedIn(app, STRATEGIST_EMAIL, STRATEGIST_PASSWORD);
	}

	/** A visitor of the started application, signed in with {@code email} and {@code password}. */
	public static Visitor signedIn(ConfigurableApplicationContext app, String email, String password) {
		Visitor visitor = new Visitor(port(app));
		String landing = visitor.signIn(email, password).location();
		if (landing == null || !landing.endsWith("/")) {
			throw new IllegalStateException(email + " could not sign in: sent to " + landing);
		}
		return visitor;
	}

	/** The port the started application listens on. */
	public static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	/**
	 * Holds a start from its first event until its context is initialised, the span in which
	 * Spring Boot configures Logback. Logback has one context per JVM: two applications configuring
	 * it at once (as {@code TwoInstancesTests} starts them) can read each other's half-reset context
	 * and fail with "Unable to find Spring Environment in logger context". What the test is about,
	 * the migrations and the first strategist, happens later, in the refresh, and stays concurrent.
	 * A start that fails before then lets go when {@code run} returns ({@link #release()}).
	 */
	private static final class OneLoggingSetUpAtATime implements ApplicationListener<SpringApplicationEvent>, Ordered {

		private static final Semaphore LOGGING = new Semaphore(1);

		private boolean holding;

		@Override
		public void onApplicationEvent(SpringApplicationEvent event) {
			if (event instanceof ApplicationStartingEvent) {
				LOGGING.acquireUninterruptibly();
				this.holding = true;
			}
			else if (event instanceof ApplicationContextInitializedEvent) {
				release();
			}
		}

		/** Lets the next start configure Logback, if this one still holds it back. */
		void release() {
			if (this.holding) {
				this.holding = false;
				LOGGING.release();
			}
		}

		@Override
		public int getOrder() {
			return LoggingApplicationListener.DEFAULT_ORDER - 1;
		}

	}

}
