package org.waterhole.shared.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UrlPathHelper;

/**
 * Links for list pages, built from the current request so that every other parameter (the
 * search text, the filters) is kept: sortable column headers and the pagination use it.
 * Templates call it as {@code ${@pageLinks.sort('name')}}.
 */
@Component("pageLinks")
public class PageLinks {

	private static final String PAGE = "page";

	private static final String SORT = "sort";

	private static final UrlPathHelper PATHS = new UrlPathHelper();

	/** The current list sorted by {@code key}: ascending first, descending when already ascending. */
	public String sort(String key) {
		Sort.Direction next = direction(key) == Sort.Direction.ASC ? Sort.Direction.DESC : Sort.Direction.ASC;
		return currentWithout(PAGE, SORT).queryParam(SORT, key + "," + next.name().toLowerCase())
			.build()
			.encode()
			.toUriString();
	}

	/** The current list at {@code page} (zero-based). */
	public String page(int page) {
		return currentWithout(PAGE).queryParam(PAGE, page).build().encode().toUriString();
	}

	/**
	 * The current list without one value of a parameter (a filter to remove), from its first page:
	 * {@code without('platform', 'TIKTOK')}.
	 */
	public String without(String parameter, String value) {
		HttpServletRequest request = request();
		UriComponentsBuilder builder = currentWithout(PAGE, parameter);
		String[] values = request.getParameterValues(parameter);
		if (values != null) {
			for (String kept : values) {
				if (!kept.equals(value)) {
					builder.queryParam(parameter, kept);
				}
			}
		}
		return builder.build().encode().toUriString();
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
		String sort = request().getParameter(SORT);
		if (sort == null) {
			return null;
		}
		String[] parts = sort.split(",");
		if (!parts[0].equals(key)) {
			return null;
		}
		return parts.length > 1 && parts[1].equalsIgnoreCase("desc") ? Sort.Direction.DESC : Sort.Direction.ASC;
	}

	/** The path and the decoded parameters of the current request, less the ones named. */
	private static UriComponentsBuilder currentWithout(String... left) {
		HttpServletRequest request = request();
		UriComponentsBuilder builder = UriComponentsBuilder
			.fromPath(request.getContextPath() + PATHS.getPathWithinApplication(request));
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (!List.of(left).contains(parameter.getKey())) {
				builder.queryParam(parameter.getKey(), (Object[]) parameter.getValue());
			}
		}
		return builder;
	}

	private static HttpServletRequest request() {
		return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
	}

}
