package org.waterhole.shared.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The HTML of a fragment that shows its model and nothing else, such as the rows of a list page,
 * rendered once and kept for a minute: the page puts it back with {@code th:utext}. Turning rows
 * into HTML was most of what a list page cost (Thymeleaf processes each row's attributes, messages
 * and links anew on every request), while the same rows come back again and again.
 * <p>
 * The HTML is kept per fragment, model (compared with {@code equals}, so pass records and lists
 * of them: a row that changed is a new model), language, the viewer's roles and the day. The
 * fragment may therefore read only its model, messages, formats, links and the viewer's role,
 * never who the viewer is: anything personal goes into the model. Relative times in it ("5
 * minutes ago") can be up to a minute old. A form would carry the viewer's CSRF token, so a
 * fragment with one is refused.
 */
@Component
public class FragmentCache {

	/** The cache of rendered fragments (bounded by their size, see the cache configuration). */
	public static final String CACHE = "fragmentHtml";

	private final Fragments fragments;

	private final Cache html;

	private final Clock clock;

	FragmentCache(Fragments fragments, CacheManager caches, Clock clock) {
		this.fragments = fragments;
		this.html = caches.getCache(CACHE);
		this.clock = clock;
	}

	/**
	 * The HTML of {@code fragment} (such as {@code "experiments/list :: rows"}) with {@code model},
	 * for the request being handled.
	 */
	public String render(String fragment, Map<String, ?> model) {
		ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		HttpServletRequest request = current.getRequest();
		Map<String, Object> copy = Collections.unmodifiableMap(new HashMap<>(model));
		Key key = new Key(fragment, copy, RequestContextUtils.getLocale(request), roles(), LocalDate.now(clock));
		String kept = html.get(key, String.class);
		if (kept != null) {
			return kept;
		}
		String rendered = fragments.render(fragment, copy, request, current.getResponse());
		if (rendered.contains("name=\"_csrf\"")) {
			throw new IllegalStateException(fragment + " has a form, whose CSRF token is the viewer's own: it can't be kept");
		}
		html.put(key, rendered);
		return rendered;
	}

	private static Set<String> roles() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return Set.of();
		}
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toUnmodifiableSet());
	}

	private record Key(String fragment, Map<String, Object> model, Locale locale, Set<String> roles, LocalDate day) {
	}

}
