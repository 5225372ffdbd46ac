package org.waterhole.shared.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * Links for list pages, built from the current request's query string so that every other
 * parameter (the search text, the filters) is kept, and nothing a form posted is: sortable
 * column headers, pagination and removable filters use it. Templates call it as {@code ${@pageLinks.sort('name')}}. Values are encoded strictly
 * ({@code +} as {@code %2B}), so what the user typed comes back unchanged.
 */
@Component("pageLinks")
public class PageLinks {

	private static final String PAGE = "page";

	private static final String SORT = "sort";

	private static final UrlPathHelper PATHS = new UrlPathHelper();

	/**
	 * A request attribute: the path (within the application) that the page's links lead to, when
	 * the page is rendered for a request to another path. A refused POST that shows its form
	 * again on the page it came from sets it, so that the page's links go to that page and not to
	 * the address of the POST.
	 */
	public static final String PATH = PageLinks.class.getName() + ".PATH";

	/** The current list sorted by {@code key}: ascending first, descending when already ascending. */
	public String sort(String key) {
		Sort.Direction next = direction(key) == Sort.Direction.ASC ? Sort.Direction.DESC : Sort.Direction.ASC;
		List<String[]> parameters = currentWithout(PAGE, SORT);
		parameters.add(new String[] { SORT, key + "," + next.name().toLowerCase() });
		return link(parameters);
	}

	/** The current list at {@code page} (zero-based). */
	public String page(int page) {
		List<String[]> parameters = currentWithout(PAGE);
		parameters.add(new String[] { PAGE, String.valueOf(page) });
		return link(parameters);
	}

	/**
	 * The current list without one value of a parameter (a filter to remove), from its first page:
	 * {@code without('platform', 'TIKTOK')}.
	 */
	public String without(String parameter, String value) {
		List<String[]> parameters = currentWithout(PAGE);
		parameters.removeIf(p -> p[0].equals(parameter) && p[1].equals(value));
		return link(parameters);
	}

	/** Another address with the current parameters (a list's filters), e.g. its CSV export. */
	public String export(String path) {
		return request().getContextPath() + link(path, currentWithout(PAGE));
	}

	/** Another address with the current parameters and one more: {@code export('/x.csv', 'table', 'STAGES')}. */
	public String export(String path, String name, String value) {
		List<String[]> parameters = currentWithout(PAGE, name);
		parameters.add(new String[] { name, value });
		return request().getContextPath() + link(path, parameters);
	}

	/**
	 * The page numbers (zero-based) to offer around the current one: up to five, always within
	 * the list, even when the request asked for a page past its end.
	 */
	public List<Integer> window(Page<?> page) {
		int last = (int) Math.min(page.getNumber() + 2L, page.getTotalPages() - 1L);
		int first = Math.max(0, Math.min(page.getNumber() - 2, last - 4));
		return IntStream.rangeClosed(first, last).boxed().toList();
	}

	/** {@code ascending}, {@code descending} or {@code none}: the {@code aria-sort} of a column. */
	public String ariaSort(String key) {
		Sort.Direction direction = direction(key);
		if (direction == null) {
			return "none";
		}
		return direction == Sort.Direction.ASC ? "ascending" : "descending";
	}

	private Sort.Direction direction(String key) {
		String sort = query().stream().filter(p -> p[0].equals(SORT)).map(p -> p[1]).findFirst().orElse(null);
		if (sort == null) {
			return null;
		}
		String[] parts = sort.split(",");
		if (parts.length == 0 || !parts[0].equals(key)) {
			return null;
		}
		return parts.length > 1 && parts[1].equalsIgnoreCase("desc") ? Sort.Direction.DESC : Sort.Direction.ASC;
	}

	/** The decoded parameters of the current request's query string, in order, less the ones named. */
	private static List<String[]> currentWithout(String... left) {
		List<String> names = List.of(left);
		List<String[]> parameters = query();
		parameters.removeIf(p -> names.contains(p[0]));
		return parameters;
	}

	/**
	 * The parameters of the query string only, decoded as the servlet container decodes them
	 * ({@code +} is a space). Not {@code getParameterMap()}: after a POST that re-renders a page,
	 * it holds the posted form too (the CSRF token, whatever was typed), which must never end up
	 * in a link. A pair that can't be decoded is left out, as the container leaves it out.
	 */
	private static List<String[]> query() {
		List<String[]> parameters = new ArrayList<>();
		String query = request().getQueryString();
		if (query == null || query.isEmpty()) {
			return parameters;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			try {
				String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
				String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
				if (!name.isEmpty()) {
					parameters.add(new String[] { name, value });
				}
			}
			catch (IllegalArgumentException ex) {
				// a broken %-escape: the container ignores this pair as well
			}
		}
		return parameters;
	}

	private static String link(List<String[]> parameters) {
		HttpServletRequest request = request();
		String path = request.getAttribute(PATH) instanceof String shown ? shown
				: PATHS.getPathWithinApplication(request);
		return link(request.getContextPath() + path, parameters);
	}

	private static String link(String rawPath, List<String[]> parameters) {
		String path = UriUtils.encodePath(rawPath, StandardCharsets.UTF_8);
		if (parameters.isEmpty()) {
			return path;
		}
		return path + "?" + parameters.stream()
			.map(p -> encode(p[0]) + "=" + encode(p[1]))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return UriUtils.encode(value, StandardCharsets.UTF_8);
	}

	private static HttpServletRequest request() {
		return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
	}

}
