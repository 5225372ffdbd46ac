package org.waterhole.support;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two transactions at the same time, in a fixed order: the first does its work on another
 * thread and stays open, uncommitted, while the second runs on the test's thread; the first
 * commits when the second is done, or after {@link #HOLD_MILLIS} if the second is still waiting
 * (for a lock the first holds). A test sees whether the second had to wait, and what it got.
 */
public final class Overlap {

	/** How long the first transaction stays open for a second that doesn't finish. */
	static final long HOLD_MILLIS = 1_500;

	private Overlap() {
	}

	/** What the second got ({@code value} or {@code thrown}), and whether it waited for the first to commit. */
	public record Outcome<T>(T value, Throwable thrown, boolean waited) {
	}

	public static <T> Outcome<T> run(PlatformTransactionManager transactions, Runnable first, Callable<T> second)
			throws Exception {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		CountDownLatch firstDone = new CountDownLatch(1);
		CountDownLatch secondDone = new CountDownLatch(1);
		AtomicBoolean secondDoneBeforeCommit = new AtomicBoolean();
		try {
			Future<?> holder = executor.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
				first.run();
				firstDone.countDown();
				try {
					secondDoneBeforeCommit.set(secondDone.await(HOLD_MILLIS, TimeUnit.MILLISECONDS));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			while (!firstDone.await(50, TimeUnit.MILLISECONDS)) {
				if (holder.isDone()) {
					holder.get(); // throws what the first threw
					throw new AssertionError("the first transaction ended before its work was done");
				}
			}
			T value = null;
			Throwable thrown = null;
			try {
				value = second.call();
			}
			catch (Exception | AssertionError ex) {
				thrown = ex;
			}
			finally {
				secondDone.countDown();
			}
			holder.get(30, TimeUnit.SECONDS);
			return new Outcome<>(value, thrown, !secondDoneBeforeCommit.get());
		}
		finally {
			executor.shutdownNow();
		}
	}

}
