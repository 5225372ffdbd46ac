package org.waterhole.shared;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.transaction.TransactionAwareCacheManagerProxy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Small in-memory caches (Caffeine) for what most pages ask for and rarely changes, such as the
 * list of departments. Evictions wait for the transaction that changed the data to commit, so a
 * request in between can't cache the old value again; entries also expire after a minute, which
 * bounds how stale another instance of the application can be. They record hit and miss counts
 * for the cache metrics that Actuator registers.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

	@Bean
	CacheManager cacheManager() {
		CaffeineCacheManager caffeine = new CaffeineCacheManager();
		caffeine.setCaffeine(Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(1_000).recordStats());
		return new TransactionAwareCacheManagerProxy(caffeine);
	}

}
