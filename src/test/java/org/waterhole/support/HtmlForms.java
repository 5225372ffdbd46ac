package org.waterhole.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The forms of a page as a browser would submit them: one {@link Target} for each place a form
 * can go (its action, or a submit button's {@code formaction}), with the fields it sends and the
 * values the page filled in. Controls outside the form that name it with {@code form="…"} belong
 * to it, as in a browser.
 */
public final class HtmlForms {

	private HtmlForms() {
	}

	/**
	 * A control of a form: its name, its kind ({@code select}, {@code textarea}, or an input's
	 * type such as {@code hidden}, {@code number}, {@code file}), and what the page put in it.
	 */
	public record Field(String name, String kind, List<String> values) {

		public boolean file() {
			return kind.equals("file");
		}

		/** Whether the field picks a record or a number rather than taking text. */
		public boolean picks() {
			return Set.of("select", "hidden", "number", "checkbox", "radio", "button").contains(kind);
		}

	}

	/**
	 * One way to submit a form: to {@code action} (a path with its query) by {@code method}, as
	 * multipart when {@code multipart}, by htmx as well when the form has {@code hx-post}, with
	 * the submit button named {@code button} pressed ({@code null}: one without a name, which
	 * sends nothing of its own).
	 */
	public record Target(String page, String method, String action, boolean multipart, boolean htmx, String button,
			List<Field> fields) {

		/** The names of the fields, once each. */
		public Set<String> names() {
			return fields.stream().map(Field::name).collect(Collectors.toCollection(LinkedHashSet::new));
		}

		/** What the page would send: every field with the values the page gave it. */
		public List<Map.Entry<String, String>> filledIn() {
			List<Map.Entry<String, String>> sent = new ArrayList<>();
			for (Field field : fields) {
				field.values().forEach(value -> sent.add(Map.entry(field.name(), value)));
			}
			return sent;
		}

		/** What the page would send with {@code name} set to {@code value} instead. */
		public List<Map.Entry<String, String>> with(String name, String value) {
			List<Map.Entry<String, String>> sent = without(name);
			sent.add(Map.entry(name, value));
			return sent;
		}

		/** What the page would send without {@code name}. */
		public List<Map.Entry<String, String>> without(String name) {
			List<Map.Entry<String, String>> sent = filledIn();
			sent.removeIf(entry -> entry.getKey().equals(name));
			return sent;
		}

		/** What the page would send with {@code value} as a second value of {@code name}. */
		public List<Map.Entry<String, String>> twice(String name, String value) {
			List<Map.Entry<String, String>> sent = filledIn();
			if (sent.stream().noneMatch(entry -> entry.getKey().equals(name))) {
				sent.add(Map.entry(name, ""));
			}
			sent.add(Map.entry(name, value));
			return sent;
		}

		/** Whether a field of this name picks a record or a number ({@link Field#picks()}). */
		public boolean picks(String name) {
			return fields.stream().anyMatch(field -> field.name().equals(name) && field.picks());
		}

		@Override
		public String toString() {
			return method + " " + action + (button == null ? "" : " pressing " + button) + " (on " + page + ")";
		}

	}

	/** The targets of the page's forms; the CSRF token is left out of their fields. */
	public static List<Target> of(String page, Document document) {
		List<Target> targets = new ArrayList<>();
		for (Element form : document.select("form")) {
			String method = form.attr("method").isBlank() ? "GET" : form.attr("method").toUpperCase();
			boolean multipart = "multipart/form-data".equalsIgnoreCase(form.attr("enctype"));
			boolean htmx = form.hasAttr("hx-post");
			List<Element> controls = controlsOf(form, document);
			List<Field> fields = new ArrayList<>();
			for (Element control : controls) {
				Field field = field(control);
				if (field != null) {
					fields.add(field);
				}
			}
			List<Element> submits = controls.stream().filter(HtmlForms::isSubmit).toList();
			if (submits.isEmpty()) {
				targets.add(new Target(page, method, pathOf(page, form.attr("action")), multipart, htmx, null,
						List.copyOf(fields)));
			}
			for (Element submit : submits) {
				String action = pathOf(page, submit.hasAttr("formaction") ? submit.attr("formaction") : form.attr("action"));
				List<Field> sent = new ArrayList<>(fields);
				String button = null;
				if (submit.hasAttr("name")) {
					// The button that was pressed sends its own name and value.
					button = submit.attr("name");
					sent.add(new Field(button, "button", List.of(submit.attr("value"))));
				}
				Target target = new Target(page, method, action, multipart, htmx, button, List.copyOf(sent));
				if (!targets.contains(target)) {
					targets.add(target);
				}
			}
		}
		return targets;
	}

	private static List<Element> controlsOf(Element form, Document document) {
		List<Element> controls = new ArrayList<>(form.select("input, select, textarea, button"));
		if (form.hasAttr("id")) {
			controls.addAll(document.select("[form=" + form.id() + "]"));
		}
		return controls;
	}

	private static boolean isSubmit(Element control) {
		String type = control.attr("type").toLowerCase();
		return (control.normalName().equals("button") && (type.isEmpty() || type.equals("submit")))
				|| (control.normalName().equals("input") && (type.equals("submit") || type.equals("image")));
	}

	/**
	 * The field a control sends, or null: not submit buttons (they send only when pressed), nor
	 * disabled controls, which a browser leaves out.
	 */
	private static Field field(Element control) {
		String name = control.attr("name");
		String type = control.attr("type").toLowerCase();
		if (name.isEmpty() || name.equals("_csrf") || isSubmit(control) || control.normalName().equals("button")
				|| type.equals("reset") || control.hasAttr("disabled") || control.parents().stream().anyMatch(parent -> parent.is("fieldset[disabled]"))) {
			return null;
		}
		return switch (control.normalName()) {
			case "select" -> {
				List<String> chosen = control.select("option[selected]").stream().map(HtmlForms::valueOf).toList();
				Element first = control.selectFirst("option");
				if (chosen.isEmpty() && !control.hasAttr("multiple") && first != null) {
					chosen = List.of(valueOf(first)); // a single select sends its first option
				}
				yield new Field(name, "select", chosen);
			}
			case "textarea" -> new Field(name, "textarea", List.of(control.wholeText()));
			default -> switch (type) {
				case "checkbox", "radio" ->
					new Field(name, type, control.hasAttr("checked") ? List.of(valueOrOn(control)) : List.of());
				case "file" -> new Field(name, type, List.of(""));
				default -> new Field(name, type.isEmpty() ? "text" : type, List.of(control.attr("value")));
			};
		};
	}

	private static String valueOf(Element option) {
		return option.hasAttr("value") ? option.attr("value") : option.text();
	}

	private static String valueOrOn(Element control) {
		return control.hasAttr("value") ? control.attr("value") : "on";
	}

	/** A form's action as a path with its query, resolved against the page it is on. */
	private static String pathOf(String page, String action) {
		URI resolved = URI.create("http://localhost" + page).resolve(action.isEmpty() ? page : action);
		String path = resolved.getRawPath();
		return resolved.getRawQuery() == null ? path : path + "?" + resolved.getRawQuery();
	}

	/** The fields as an {@code application/x-www-form-urlencoded} body or query. */
	public static String urlEncoded(List<Map.Entry<String, String>> fields) {
		return fields.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	/**
	 * The fields as a {@code multipart/form-data} body with {@code boundary}; the values of file
	 * fields go as the content of a file named {@code people.csv}.
	 */
	public static byte[] multipart(List<Map.Entry<String, String>> fields, Set<String> fileFields, String boundary) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : fields) {
			StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
			head.append("Content-Disposition: form-data; name=\"").append(field.getKey()).append('"');
			if (fileFields.contains(field.getKey())) {
				head.append("; filename=\"people.csv\"\r\nContent-Type: text/csv");
			}
			head.append("\r\n\r\n");
			body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
			body.writeBytes(field.getValue().getBytes(StandardCharsets.UTF_8));
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
