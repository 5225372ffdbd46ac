package org.waterhole;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.waterhole.organization.ImportReport;
import org.waterhole.organization.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All text comes from {@code messages.properties}: no template writes words straight into the
 * page, and every message key that templates and code use exists.
 */
class MessagesTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Path SOURCES = Path.of("src/main/java");

	/** Attributes whose content people read (or hear). */
	static final Set<String> READABLE_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "label",
			"value");

	/** Thymeleaf attributes that replace an element's content or the element itself. */
	static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:errors");

	static Properties messages;

	@BeforeAll
	static void loadMessages() throws IOException {
		messages = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages.properties"));
				Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
			messages.load(reader);
		}
	}

	@Test
	void templates_write_no_text_of_their_own() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			collectLiteralText(document, TEMPLATES.relativize(template).toString(), found);
		}
		assertThat(found).as("text written straight into templates (move it to messages.properties)").isEmpty();
	}

	/**
	 * Thymeleaf evaluates attributes it doesn't know ({@code th:aria-label}, {@code th:data-*},
	 * {@code th:hx-*}) in restricted mode, where a bean call fails the page: such values are
	 * computed in {@code th:with} first.
	 */
	@Test
	void no_bean_calls_in_free_attributes() throws IOException {
		Pattern free = Pattern.compile("th:(?:aria|data|hx)-[a-z-]+=\"[^\"]*\\$\\{@");
		List<String> found = new ArrayList<>();
		for (Path template : templates()) {
			Matcher matcher = free.matcher(Files.readString(template));
			while (matcher.find()) {
				found.add(TEMPLATES.relativize(template) + ": " + matcher.group());
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void every_message_key_in_templates_exists() throws IOException {
		Pattern key = Pattern.compile("#\\{([A-Za-z][\\w.]*)");
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher matcher = key.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!messages.containsKey(matcher.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void every_message_key_in_code_exists() throws IOException {
		Pattern key = Pattern.compile(
				"(?:success|warning|rejectValue|reject|failed|message)\\((?:[^,()\"]*,\\s*)?\"([a-z][A-Za-z0-9]*\\.[A-Za-z0-9.]+)\"");
		List<String> missing = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher matcher = key.matcher(Files.readString(source));
				while (matcher.find()) {
					if (!messages.containsKey(matcher.group(1))) {
						missing.add(SOURCES.relativize(source) + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void no_key_is_defined_twice() throws IOException {
		List<String> keys = Files.readAllLines(Path.of("src/main/resources/messages.properties"))
			.stream()
			.filter(line -> !line.startsWith("#") && line.contains("="))
			.map(line -> line.substring(0, line.indexOf('=')).strip())
			.toList();
		assertThat(keys).doesNotHaveDuplicates();
	}

	/**
	 * A message with arguments goes through {@code MessageFormat}, which swallows a plain
	 * apostrophe ("isn't" becomes "isnt"); and any message may be given arguments by a form
	 * error. The typographic apostrophe (’) is safe.
	 */
	@Test
	void messages_use_typographic_apostrophes() {
		assertThat(messages.stringPropertyNames().stream().filter(key -> messages.getProperty(key).contains("'")))
			.as("messages with a plain apostrophe").isEmpty();
	}

	@Test
	void keys_built_at_run_time_exist_for_every_value() {
		for (Role role : Role.values()) {
			assertThat(messages).containsKey(role.messageKey());
		}
		for (ImportReport.Outcome outcome : ImportReport.Outcome.values()) {
			assertThat(messages).containsKey("import.outcome." + outcome);
		}
		for (String code : List.of("403", "404", "413", "4xx", "5xx")) {
			assertThat(messages).containsKeys("error." + code + ".title", "error." + code + ".text",
					"error." + code + ".icon");
		}
		for (String tactic : List.of("educate", "experiment", "support", "wait")) {
			assertThat(messages).containsKeys("home.tactic." + tactic + ".title", "home.tactic." + tactic + ".text");
		}
	}

	private static void collectLiteralText(Node node, String template, List<String> found) {
		if (node instanceof Element element) {
			// A page's <html> replaces itself with the layout, which takes the page's parts by selector:
			// those parts are shown, so only below the root does a replacing attribute hide placeholder text.
			boolean root = element.tagName().equals("html");
			if (!root && REPLACING.stream().anyMatch(element::hasAttr) || element.tagName().equals("script")
					|| element.tagName().equals("style")) {
				return;
			}
			// An input's value is text only on buttons; on a checkbox or a hidden field it is data.
			boolean dataValue = element.tagName().equals("input")
					&& !Set.of("submit", "button", "reset").contains(element.attr("type"));
			element.attributes().forEach(attribute -> {
				if (attribute.getKey().equals("value") && dataValue) {
					return;
				}
				if (READABLE_ATTRIBUTES.contains(attribute.getKey()) && hasWords(attribute.getValue())) {
					found.add(template + ": " + attribute.getKey() + "=\"" + attribute.getValue() + "\"");
				}
			});
		}
		if (node instanceof TextNode text && hasWords(text.text())) {
			found.add(template + ": \"" + text.text().strip() + "\"");
		}
		node.childNodes().forEach(child -> collectLiteralText(child, template, found));
	}

	private static boolean hasWords(String text) {
		return text.codePoints().anyMatch(Character::isLetter);
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
	}

}
