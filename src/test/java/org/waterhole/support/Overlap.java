package org.waterhole.support;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Two transactions at the same time, in a fixed order, and whether the second waited for a lock
 * the first holds, as PostgreSQL sees it. The first does its work on one thread and stays open,
 * uncommitted, until it is let go. The second runs on another thread; meanwhile this watches
 * {@code pg_stat_activity} until a backend of the second waits for a lock that the backend of
 * the first blocks (then it lets the first commit), or until the second ends without waiting.
 * Time limits here are only a safety net for a test that would hang: no duration is evidence.
 */
@TestConfiguration(proxyBeanMethods = false)
public class Overlap {

	/** The longest any step may take before the test gives up; never a measure of anything. */
	static final Duration SAFETY = Duration.ofSeconds(30);

	private static final String BLOCKED = """
			select count(*) from pg_stat_activity
			where pid in (:second) and wait_event_type = 'Lock'
			  and exists (select 1 from unnest(pg_blocking_pids(pid)) as blocker where blocker in (:first))
			""";

	private final PlatformTransactionManager transactions;

	private final JdbcClient jdbc;

	Overlap(PlatformTransactionManager transactions, JdbcClient jdbc) {
		this.transactions = transactions;
		this.jdbc = jdbc;
	}

	/**
	 * What the second got ({@code value} or {@code thrown}), and whether it was seen waiting for
	 * a lock of the first while the first was still open.
	 */
	public record Outcome<T>(T value, Throwable thrown, boolean waited) {
	}

	public <T> Outcome<T> run(Runnable first, Callable<T> second) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(2);
		Set<Integer> firstBackends = ConcurrentHashMap.newKeySet();
		Set<Integer> secondBackends = ConcurrentHashMap.newKeySet();
		CountDownLatch firstDone = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try {
			Future<?> holder = executor.submit(() -> Statements.onBackends(firstBackends, () -> {
				new TransactionTemplate(transactions).executeWithoutResult(status -> {
					first.run();
					firstDone.countDown();
					awaitQuietly(release);
				});
				return null;
			}));
			await().atMost(SAFETY).until(() -> firstDone.getCount() == 0 || holder.isDone());
			if (firstDone.getCount() > 0) {
				holder.get(); // throws what the first threw
				throw new AssertionError("the first transaction ended before its work was done");
			}
			Future<T> competitor = executor.submit(() -> Statements.onBackends(secondBackends, second));
			AtomicBoolean waited = new AtomicBoolean();
			await().atMost(SAFETY).until(() -> {
				waited.set(!competitor.isDone() && blocked(secondBackends, firstBackends));
				return waited.get() || competitor.isDone();
			});
			release.countDown();
			holder.get(SAFETY.toSeconds(), TimeUnit.SECONDS);
			return outcome(competitor, waited.get());
		}
		finally {
			release.countDown();
			executor.shutdownNow();
		}
	}

	private boolean blocked(Set<Integer> waiting, Set<Integer> holding) {
		if (waiting.isEmpty() || holding.isEmpty()) {
			return false;
		}
		return jdbc.sql(BLOCKED)
			.param("second", Set.copyOf(waiting))
			.param("first", Set.copyOf(holding))
			.query(Long.class)
			.single() > 0;
	}

	private static <T> Outcome<T> outcome(Future<T> competitor, boolean waited) throws Exception {
		try {
			return new Outcome<>(competitor.get(SAFETY.toSeconds(), TimeUnit.SECONDS), null, waited);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof Exception || ex.getCause() instanceof AssertionError) {
				return new Outcome<>(null, ex.getCause(), waited);
			}
			throw ex;
		}
	}

	private static void awaitQuietly(CountDownLatch release) {
		try {
			if (!release.await(SAFETY.toSeconds(), TimeUnit.SECONDS)) {
				throw new IllegalStateException("the first transaction was never let go");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
