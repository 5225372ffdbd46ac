package org.waterhole.support;

import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Empties the application's caches (and the sign-in throttle's counts) before each test: the tests share one context, and a cached
 * dashboard or reach figure (kept for a minute, as it may be in production) would otherwise show
 * one test what another test's data looked like.
 */
public class ClearCaches implements TestExecutionListener {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		testContext.getApplicationContext()
			.getBeanProvider(CacheManager.class)
			.ifAvailable(caches -> caches.getCacheNames().forEach(name -> caches.getCache(name).clear()));
		// Nor do one test's failed sign-ins (all from the same address) pause another's.
		testContext.getApplicationContext()
			.getBeanProvider(JdbcClient.class)
			.ifAvailable(jdbc -> jdbc.sql("delete from sign_in_failure").update());
	}

}
