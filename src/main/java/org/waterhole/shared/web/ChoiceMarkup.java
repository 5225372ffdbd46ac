package org.waterhole.shared.web;

import org.unbescape.html.HtmlEscape;

/**
 * The markup of one choice of a filter, as the dialects of our own write whole lists of them in
 * one text: a checkbox with its label in a {@code form-check}, or an {@code <option>}. Every
 * name, value and label is escaped.
 */
public final class ChoiceMarkup {

	private ChoiceMarkup() {
	}

	/** A {@code form-check} with a box named {@code name} and its label. */
	public static void checkbox(StringBuilder html, String name, String id, String value, String label,
			boolean checked) {
		String escapedId = HtmlEscape.escapeHtml5Xml(id);
		html.append("<div class=\"form-check\"><input class=\"form-check-input\" type=\"checkbox\" name=\"")
			.append(HtmlEscape.escapeHtml5Xml(name))
			.append("\" id=\"")
			.append(escapedId)
			.append("\" value=\"")
			.append(HtmlEscape.escapeHtml5Xml(value))
			.append(checked ? "\" checked>" : "\">")
			.append("<label class=\"form-check-label\" for=\"")
			.append(escapedId)
			.append("\">")
			.append(HtmlEscape.escapeHtml5Xml(label))
			.append("</label></div>\n");
	}

	/** An {@code <option>}. */
	public static void option(StringBuilder html, String value, String label, boolean selected) {
		html.append("<option value=\"")
			.append(HtmlEscape.escapeHtml5Xml(value))
			.append(selected ? "\" selected>" : "\">")
			.append(HtmlEscape.escapeHtml5Xml(label))
			.append("</option>\n");
	}

}
