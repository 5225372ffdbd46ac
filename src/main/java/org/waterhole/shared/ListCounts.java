package org.waterhole.shared;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many records a list's filters let through, for its summary (21–40 of 2345) and its page
 * links. Counting every match costs a list page more database time than reading its rows (30000
 * timeline events are counted in about 1.5 ms; a page of them is read in 0.15 ms), and the answer
 * only changes when the list's records do. So a count is kept in the module's cache, per statement
 * and parameters, until the module's next write evicts that cache (after it commits); entries
 * expire after a minute ({@link CacheConfiguration}), which bounds how far another instance can lag.
 * The rows of a page are always read fresh.
 */
@Component
public class ListCounts {

	private final JdbcClient jdbc;

	private final CacheManager caches;

	ListCounts(JdbcClient jdbc, CacheManager caches) {
		this.jdbc = jdbc;
		this.caches = caches;
	}

	/**
	 * The number {@code countSql} returns with {@code params}, from the cache named {@code cacheName}
	 * when it was counted before. Parameters are compared with {@code equals}: strings, numbers,
	 * dates and lists of them, not arrays.
	 */
	public long count(String cacheName, String countSql, Map<String, ?> params) {
		Cache cache = caches.getCache(cacheName);
		if (cache == null) {
			throw new IllegalArgumentException("No cache named " + cacheName);
		}
		Key key = new Key(countSql, Collections.unmodifiableMap(new HashMap<>(params)));
		Long count = cache.get(key, Long.class);
		if (count == null) {
			// Not Cache.get(key, loader): that would wrap a failing database in its own exception.
			count = jdbc.sql(countSql).params(params).query(Long.class).single();
			cache.put(key, count);
		}
		return count;
	}

	private record Key(String sql, Map<String, ?> params) {
	}

}
