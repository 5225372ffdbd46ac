package org.waterhole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages write values as text. Markup from a value ({@code th:utext}) is written in three places
 * only, each made safe before it gets there: a case study's body and its preview (Markdown
 * rendered and sanitised) and a search result's snippet (escaped, with only the matched words
 * marked). Anything else that needs markup is a fragment of a template.
 */
class UnescapedTextTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Inlined output that is not escaped, {@code [(${...})]}, in an HTML template. */
	static final Pattern UNESCAPED_INLINE = Pattern.compile("\\[\\(");

	@Test
	void only_sanitised_markdown_and_escaped_snippets_are_written_as_markup() throws IOException {
		assertThat(unescaped()).containsExactlyInAnyOrder("library/form.html: ${preview}",
				"library/read.html: ${caseStudy.bodyHtml()}", "library/cards.html: ${card.snippetHtml()}");
	}

	/** Each {@code th:utext} and unescaped inline expression of the HTML templates, as "template: value". */
	private static List<String> unescaped() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter(path -> path.toString().endsWith(".html")).sorted().toList()) {
				String name = TEMPLATES.relativize(template).toString().replace('\\', '/');
				String html = Files.readString(template);
				for (Element element : Jsoup.parse(html, "", Parser.xmlParser()).getAllElements()) {
					if (element.hasAttr("th:utext")) {
						found.add(name + ": " + element.attr("th:utext"));
					}
				}
				Matcher inline = UNESCAPED_INLINE.matcher(html);
				while (inline.find()) {
					found.add(name + ": inline at " + inline.start());
				}
			}
		}
		return found;
	}

}
