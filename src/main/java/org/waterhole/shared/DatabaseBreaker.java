package org.waterhole.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Whether this instance knows the database to be away, so that pages answer the 503 page at once
 * instead of each waiting the pool's connection timeout, and scheduled jobs skip their turns.
 * <ul>
 * <li>{@link State#CLOSED}: requests go to the database.</li>
 * <li>{@link State#OPEN}: a failure said the database can't be reached ({@link DatabaseOutage});
 * requests are not sent to it. Other failures (a constraint, bad SQL) leave it closed: the database
 * answered them.</li>
 * <li>{@link State#HALF_OPEN}: the one probe thread checks a connection from the pool (waiting at
 * most the pool's connection timeout); requests are still not sent. It closes when the check
 * succeeds, else opens again and checks once more after {@code waterhole.database.probe-interval}.</li>
 * </ul>
 * The first check follows the failure at once, so a single cut connection closes it again within
 * moments. Each instance has its own: it learns of the outage from its own first failure. It logs a
 * warning when it opens and a line when it closes, nothing per request.
 */
@Component
public class DatabaseBreaker implements DisposableBean {

	/** The breaker's states; requests go to the database only when it is closed. */
	public enum State {
		CLOSED, OPEN, HALF_OPEN
	}

	private static final Logger log = LoggerFactory.getLogger(DatabaseBreaker.class);

	/** How long the probe's connection may take to answer that it is valid. */
	private static final int VALID_WITHIN_SECONDS = 2;

	private final AtomicReference<State> state = new AtomicReference<>(State.CLOSED);

	private final DataSource dataSource;

	private final Duration probeInterval;

	private final ScheduledExecutorService prober;

	DatabaseBreaker(DataSource dataSource, @Value("${waterhole.database.probe-interval:PT1S}") Duration probeInterval) {
		this.dataSource = dataSource;
		this.probeInterval = probeInterval;
		CustomizableThreadFactory threads = new CustomizableThreadFactory("database-probe-");
		threads.setDaemon(true);
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
		executor.setRemoveOnCancelPolicy(true);
		this.prober = executor;
	}

	public State state() {
		return state.get();
	}

	/** Whether requests should not go to the database: it is away, or the probe is checking it. */
	public boolean isOpen() {
		return state.get() != State.CLOSED;
	}

	/**
	 * Takes note of a failure: one that says the database can't be reached opens the breaker, if it
	 * was closed, and starts the probe; a pool that merely had no connection free in time does not.
	 * Returns whether the failure is one the request answers with the 503 page.
	 */
	public boolean recordFailure(Throwable failure) {
		if (!DatabaseOutage.causedBy(failure)) {
			return false;
		}
		if (DatabaseOutage.isUnreachable(failure) && state.compareAndSet(State.CLOSED, State.OPEN)) {
			log.warn("The database is unavailable: pages answer 503 and scheduled jobs skip their turns until it "
					+ "answers again, checked every {}: {}", probeInterval, failure.toString());
			prober.execute(this::probe);
		}
		return true;
	}

	private void probe() {
		if (!state.compareAndSet(State.OPEN, State.HALF_OPEN)) {
			return;
		}
		boolean reachable = false;
		try {
			reachable = reachable();
		}
		finally {
			if (reachable) {
				state.set(State.CLOSED);
				log.info("The database is available again: pages and scheduled jobs use it");
			}
			else {
				state.set(State.OPEN);
				if (!prober.isShutdown()) {
					prober.schedule(this::probe, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
				}
			}
		}
	}

	private boolean reachable() {
		try (Connection connection = dataSource.getConnection()) {
			return connection.isValid(VALID_WITHIN_SECONDS);
		}
		catch (SQLException | RuntimeException ex) {
			log.debug("The database is still unavailable: {}", ex.toString());
			return false;
		}
	}

	@Override
	public void destroy() {
		prober.shutdownNow();
	}

}
