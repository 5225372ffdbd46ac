package org.waterhole.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Waits until the work handed to the application's task executor ({@code @Async} methods, such
 * as a password link's e-mail) before the call has finished, by observation rather than by time:
 * one task per thread of the pool is queued behind that work, and each waits until all of them
 * run at once. Then every thread is holding one of them, so nothing queued earlier is still
 * running or waiting. A test can then say that something was not sent, and mean it.
 */
public final class BackgroundWork {

	/** The longest the wait may take before the test gives up; never a measure of anything. */
	private static final Duration SAFETY = Duration.ofSeconds(30);

	private BackgroundWork() {
	}

	public static void awaitFinished(ThreadPoolTaskExecutor executor) throws Exception {
		ThreadPoolExecutor pool = executor.getThreadPoolExecutor();
		if (executor.getQueueCapacity() != Integer.MAX_VALUE) {
			throw new IllegalStateException("with a bounded queue the pool may grow past its core threads");
		}
		int threads = pool.getCorePoolSize();
		CountDownLatch together = new CountDownLatch(threads);
		List<Future<Boolean>> markers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			markers.add(pool.submit(() -> {
				together.countDown();
				return together.await(SAFETY.toSeconds(), TimeUnit.SECONDS);
			}));
		}
		for (Future<Boolean> marker : markers) {
			if (!marker.get(SAFETY.toSeconds(), TimeUnit.SECONDS)) {
				throw new IllegalStateException("the task executor's threads never were all free");
			}
		}
	}

}
