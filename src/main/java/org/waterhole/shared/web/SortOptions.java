package org.waterhole.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The columns a list may be sorted by. A list page passes the {@link Pageable} it was given
 * (from the {@code page}, {@code size} and {@code sort} request parameters) through
 * {@link #apply(Pageable)}: sort keys it doesn't know are dropped rather than reaching the
 * query (where they would fail), and the default order applies when none is left.
 * <p>
 * Keys are what the URL shows ({@code sort=department,desc}); each maps to the property or
 * alias the query sorts by ({@code d.name}).
 */
public final class SortOptions {

	private final Map<String, String> properties;

	private final Sort defaultSort;

	private final Sort tieBreaker;

	private SortOptions(Map<String, String> properties, Sort defaultSort, Sort tieBreaker) {
		this.properties = properties;
		this.defaultSort = defaultSort;
		this.tieBreaker = tieBreaker;
	}

	/**
	 * @param keysAndProperties pairs of URL key and query property:
	 * {@code "name", "name", "department", "d.name"}
	 * @param defaultSort the order when the request gives none (in query properties)
	 * @param tieBreaker appended to every order so pages are stable (usually the id)
	 */
	public static SortOptions of(Sort defaultSort, Sort tieBreaker, String... keysAndProperties) {
		if (keysAndProperties.length % 2 != 0) {
			throw new IllegalArgumentException("keys and properties come in pairs");
		}
		Map<String, String> properties = new LinkedHashMap<>();
		for (int i = 0; i < keysAndProperties.length; i += 2) {
			properties.put(keysAndProperties[i], keysAndProperties[i + 1]);
		}
		return new SortOptions(Map.copyOf(properties), defaultSort, tieBreaker);
	}

	public Pageable apply(Pageable requested) {
		List<Sort.Order> orders = new ArrayList<>();
		for (Sort.Order order : requested.getSort()) {
			String property = properties.get(order.getProperty());
			if (property != null) {
				orders.add(new Sort.Order(order.getDirection(), property, Sort.NullHandling.NULLS_LAST));
			}
		}
		Sort sort = orders.isEmpty() ? defaultSort : Sort.by(orders);
		return PageRequest.of(boundedPage(requested), requested.getPageSize(), sort.and(tieBreaker));
	}

	/** The deepest page any list offers: beyond, a page number only makes the database count. */
	public static final int MAX_PAGE = 100_000;

	/** The requested page, its number bounded by {@link #MAX_PAGE}; its order as asked. */
	public static Pageable bounded(Pageable requested) {
		return PageRequest.of(boundedPage(requested), requested.getPageSize(), requested.getSort());
	}

	private static int boundedPage(Pageable requested) {
		return Math.min(requested.getPageNumber(), MAX_PAGE);
	}

}
