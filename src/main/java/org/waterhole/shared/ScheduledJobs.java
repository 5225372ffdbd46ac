package org.waterhole.shared;

import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.provider.sql.DatabaseProduct;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.waterhole.shared.security.SessionCleanup;

/**
 * Every scheduled job of the application. However many instances run, each job runs on one of
 * them at a time: a run takes the job's row in the {@code shedlock} table (ShedLock, with the
 * database's clock) and holds it at least {@code lockAtLeastFor}, so an instance whose turn
 * comes meanwhile skips it: each instance counts its own intervals from its start, and the lock
 * outlasts most of one, so the job runs about once an interval whatever the number of instances.
 * Each run is counted in the {@code waterhole.jobs.runs} meter.
 * <ul>
 * <li>Events still incomplete after {@code waterhole.events.retry-after} are delivered again
 * every {@code waterhole.events.retry-interval}, so that a passing failure (the database
 * restarting) heals without a restart.</li>
 * <li>Completed events are deleted after a week, nightly.</li>
 * <li>Expired sessions are deleted every minute (Spring Session's own job, which every instance
 * would run, is not used).</li>
 * </ul>
 * While the {@link DatabaseBreaker} knows the database to be away, every job skips its turns.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
public class ScheduledJobs {

	/** The meter that counts the runs of each job, tagged {@code job} with its name. */
	public static final String RUNS = "waterhole.jobs.runs";

	static final String RETRY_EVENTS = "retry-incomplete-events";

	static final String PURGE_EVENTS = "purge-completed-events";

	static final String DELETE_SESSIONS = "delete-expired-sessions";

	private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);

	/** Completed events are kept this long (to look into what happened), then deleted. */
	public static final Duration KEEP_COMPLETED = Duration.ofDays(7);

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final SessionCleanup sessions;

	private final MeterRegistry meters;

	private final Duration retryAfter;

	ScheduledJobs(IncompleteEventPublications incomplete, CompletedEventPublications completed,
			SessionCleanup sessions, MeterRegistry meters,
			@Value("${waterhole.events.retry-after:PT2M}") Duration retryAfter) {
		this.incomplete = incomplete;
		this.completed = completed;
		this.sessions = sessions;
		this.meters = meters;
		this.retryAfter = retryAfter;
	}

	/**
	 * The jobs' locks, in the database. While the {@link DatabaseBreaker} is open no lock is
	 * taken, so a job skips its turn at once instead of waiting for a connection.
	 */
	@Bean
	static LockProvider lockProvider(DataSource dataSource, DatabaseBreaker breaker) {
		LockProvider locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			// Named, not detected at the first lock: a first lock while the database is away
			// would otherwise fail as an unknown database instead of as an outage.
			.withDatabaseProduct(DatabaseProduct.POSTGRES_SQL)
			.usingDbTime()
			.build());
		return lock -> {
			if (breaker.isOpen()) {
				log.debug("The scheduled job {} skips its turn: the database is unavailable", lock.getName());
				return Optional.empty();
			}
			return locks.lock(lock);
		};
	}

	/**
	 * A run that fails because the database is away (its lock can't even be taken) is told in one
	 * line and opens the {@link DatabaseBreaker}; the next turn tries again. Other failures keep
	 * their stack trace.
	 */
	@Bean
	static ThreadPoolTaskSchedulerCustomizer databaseOutagesInOneLine(DatabaseBreaker breaker) {
		return scheduler -> scheduler.setErrorHandler(ex -> {
			if (breaker.recordFailure(ex)) {
				log.warn("A scheduled job could not run, the database is unavailable; it runs at its next turn: {}",
						ex.toString());
			}
			else {
				log.error("A scheduled job failed", ex);
			}
		});
	}

	@Scheduled(fixedDelayString = "${waterhole.events.retry-interval:PT5M}",
			initialDelayString = "${waterhole.events.retry-interval:PT5M}")
	@SchedulerLock(name = RETRY_EVENTS, lockAtLeastFor = "PT4M")
	public void retryIncompleteEvents() {
		counted(RETRY_EVENTS);
		try {
			incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
		}
		catch (RuntimeException ex) {
			log.warn("Could not deliver incomplete events again; trying later: {}", ex.toString());
		}
	}

	@Scheduled(cron = "${waterhole.events.purge-cron:0 17 3 * * *}", zone = "${waterhole.time-zone:}")
	@SchedulerLock(name = PURGE_EVENTS, lockAtLeastFor = "PT1M")
	public void purgeCompletedEvents() {
		counted(PURGE_EVENTS);
		completed.deletePublicationsOlderThan(KEEP_COMPLETED);
	}

	@Scheduled(cron = "${waterhole.sessions.cleanup-cron:0 * * * * *}", zone = "${waterhole.time-zone:}")
	@SchedulerLock(name = DELETE_SESSIONS, lockAtLeastFor = "PT30S")
	public void deleteExpiredSessions() {
		counted(DELETE_SESSIONS);
		sessions.deleteExpired();
	}

	private void counted(String job) {
		meters.counter(RUNS, "job", job).increment();
	}

}
