package org.waterhole.shared.security;

import java.time.Duration;

import javax.sql.DataSource;

import jakarta.servlet.Filter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * Where Spring Session keeps the sessions ({@code waterhole.session-store}): in PostgreSQL by
 * default ({@link #jdbcSessions}), or in this instance's memory ({@link #memorySessions}); the
 * repository defined here makes Spring Boot's own session configuration stand back. In
 * PostgreSQL, their attributes (the signed-in user, the CSRF token, a message for the next page)
 * are serialized by Java. An attribute that no longer reads,
 * because a new version of the application or of Spring Security changed its class since it was
 * written, is dropped rather than failing every request of its user until the session ends: the
 * user is signed out and signs in again.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionStore {

	private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

	/**
	 * How stale the kept time of a session's last request may be: every request changes it, and
	 * writing it each time made the requests of one session queue on its row (a page with several
	 * parts loading at once, or a load test, went from thousands of requests a second to hundreds).
	 * A session may so end up to this much before 30 idle minutes have passed.
	 */
	static final long LAST_ACCESS_PRECISION_MILLIS = 60_000;

	/**
	 * Spring Session's update of a session, with its parameters in the same order, that writes
	 * only when something other than the last request's time changed (the id at sign-in, the
	 * user, the timeout) or when the kept time is older than {@link #LAST_ACCESS_PRECISION_MILLIS}.
	 */
	static final String UPDATE_SESSION = """
			UPDATE %TABLE_NAME% SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
				MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time, PRINCIPAL_NAME = v.principal_name
			FROM (SELECT CAST(? AS CHAR(36)) AS session_id, CAST(? AS BIGINT) AS last_access_time,
				CAST(? AS INT) AS max_inactive_interval, CAST(? AS BIGINT) AS expiry_time,
				CAST(? AS VARCHAR(320)) AS principal_name, CAST(? AS CHAR(36)) AS primary_id) v
			WHERE %TABLE_NAME%.PRIMARY_ID = v.primary_id
			AND (%TABLE_NAME%.SESSION_ID <> v.session_id
				OR %TABLE_NAME%.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
				OR %TABLE_NAME%.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
				OR %TABLE_NAME%.LAST_ACCESS_TIME < v.last_access_time - """ + LAST_ACCESS_PRECISION_MILLIS + ")";

	/**
	 * Sessions in PostgreSQL (the default, {@code waterhole.session-store=jdbc}), so that every
	 * instance serves every user, by Spring Session's repository as Waterhole needs it:
	 * <ul>
	 * <li>a request that changes nothing in its session only reads it, one statement outside any
	 * transaction; the rest is written in one transaction ({@link JdbcSessions});</li>
	 * <li>requests of one session at the same moment (tabs, htmx) may each add the same attribute
	 * (the CSRF token a page's forms need, right after signing in): PostgreSQL's upsert keeps the
	 * last instead of refusing the others with a duplicate key;</li>
	 * <li>the time of the last request is kept to the minute ({@link #UPDATE_SESSION});</li>
	 * <li>attributes that no longer read are dropped ({@link #conversions});</li>
	 * <li>expired sessions are deleted by our own job (ScheduledJobs), which one instance runs at
	 * a time.</li>
	 * </ul>
	 */
	@Bean
	@ConditionalOnProperty(name = "waterhole.session-store", havingValue = "jdbc", matchIfMissing = true)
	JdbcSessions jdbcSessions(DataSource dataSource, PlatformTransactionManager transactions,
			@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				TransactionOperations.withoutTransaction());
		new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
		sessions.setUpdateSessionQuery(UPDATE_SESSION);
		sessions.setConversionService(conversions());
		sessions.setDefaultMaxInactiveInterval(timeout);
		// A session is saved in a transaction of its own, even when the response was committed
		// within the request's (read-only) one, as Spring Session's own repository does.
		TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new JdbcSessions(sessions, ownTransaction,
				Duration.ofMillis(LAST_ACCESS_PRECISION_MILLIS));
	}

	/** Each session read once per request ({@link JdbcSessions#readOncePerRequest}). */
	@Bean
	@ConditionalOnProperty(name = "waterhole.session-store", havingValue = "jdbc", matchIfMissing = true)
	FilterRegistrationBean<Filter> sessionsReadOncePerRequest(JdbcSessions sessions) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(sessions.readOncePerRequest());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	/**
	 * Sessions in this instance's memory ({@code waterhole.session-store=memory}): for a single
	 * instance only, and for comparing with those in PostgreSQL in a benchmark.
	 */
	@Bean
	@ConditionalOnProperty(name = "waterhole.session-store", havingValue = "memory")
	MemorySessions memorySessions(@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		MemorySessions sessions = new MemorySessions();
		sessions.setDefaultMaxInactiveInterval(timeout);
		return sessions;
	}

	/** Java serialization, where what no longer deserializes is logged and read as nothing. */
	static GenericConversionService conversions() {
		DeserializingConverter deserializer = new DeserializingConverter(ClassUtils.getDefaultClassLoader());
		GenericConversionService conversions = new GenericConversionService();
		conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversions.addConverter(byte[].class, Object.class, bytes -> {
			try {
				return deserializer.convert(bytes);
			}
			catch (SerializationFailedException ex) {
				log.warn("A session attribute could not be read (written by another version?), so it is dropped: {}",
						ex.getMostSpecificCause().toString());
				return null;
			}
		});
		return conversions;
	}

}
