package org.waterhole.casestudy;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import org.springframework.stereotype.Component;

/**
 * Case-study bodies are Markdown (commonmark, with tables and bare links). They are rendered to
 * HTML and then sanitized by the OWASP Java HTML Sanitizer: formatting, headings, lists, quotes,
 * tables, code and http(s)/mailto links survive; scripts, event handlers, styles, frames, forms
 * and {@code javascript:} links do not. Raw HTML in the Markdown goes through the same policy.
 */
@Component
class Markdown {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.TABLES)
		.and(new HtmlPolicyBuilder().allowElements("a")
			.allowAttributes("href", "title")
			.onElements("a")
			.allowStandardUrlProtocols()
			.requireRelsOnLinks("noopener", "noreferrer", "nofollow")
			.allowElements("pre", "code", "hr", "br", "del", "s", "sup", "sub")
			.allowAttributes("class")
			.matching(false, "language-[a-z0-9+-]{1,20}")
			.onElements("code")
			.toFactory());

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer html = HtmlRenderer.builder().extensions(EXTENSIONS).build();

	private final TextContentRenderer text = TextContentRenderer.builder().extensions(EXTENSIONS).build();

	/** Safe HTML for the page. */
	String toHtml(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		return POLICY.sanitize(html.render(parse(markdown)));
	}

	/** The words of the text, without markup, for search and snippets. */
	String toPlainText(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		return text.render(parse(markdown));
	}

	private Node parse(String markdown) {
		return parser.parse(markdown);
	}

}
