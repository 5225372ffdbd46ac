package org.waterhole.organization;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The departments as the {@code <option>}s of a filter, for templates:
 * {@code th:utext="${@departmentChoices.options(filter.department)}"}. Nearly every list page has
 * a department filter, and with a hundred departments a loop of three expressions per option
 * cost more than the rest of the page; this writes them from the cached list, names escaped.
 */
@Component
public class DepartmentChoices {

	private final DepartmentService departments;

	/** The options last written, with their escaped HTML, reused while the cached list is the same. */
	private volatile Written written = new Written(List.of(), new String[0]);

	DepartmentChoices(DepartmentService departments) {
		this.departments = departments;
	}

	/**
	 * Every department as an {@code <option>}, those in {@code selected} (a department id, a
	 * collection of them, or null) selected.
	 */
	public String options(Object selected) {
		List<DepartmentOption> options = departments.options();
		Written current = written;
		if (current.options != options) {
			current = new Written(options, options.stream()
				.map(option -> "\">" + HtmlUtils.htmlEscape(option.getName()) + "</option>")
				.toArray(String[]::new));
			written = current;
		}
		StringBuilder html = new StringBuilder(options.size() * 48);
		for (int i = 0; i < options.size(); i++) {
			long id = options.get(i).getId();
			html.append("<option value=\"").append(id);
			if (isSelected(id, selected)) {
				html.append("\" selected=\"selected");
			}
			html.append(current.tails[i]);
		}
		return html.toString();
	}

	private static boolean isSelected(long id, Object selected) {
		if (selected instanceof Collection<?> ids) {
			return ids.stream().anyMatch(each -> isSelected(id, each));
		}
		return selected instanceof Number number && number.longValue() == id;
	}

	private record Written(List<DepartmentOption> options, String[] tails) {
	}

}
