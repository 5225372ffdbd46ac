package org.waterhole.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.waterhole.shared.Platform;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wh:checkboxes}: a box per value, labelled by its message (an enum) or by itself, named
 * as asked, the checked ones ticked and no other; values and labels escaped, so that a value
 * with markup shows as text and adds no element.
 */
class CheckboxesDialectTests {

	private static final String GROUP = """
			<fieldset><th:block wh:checkboxes="${values}" wh:name="%s" wh:checked="${checked}"></th:block></fieldset>""";

	@Test
	void labelled_values_are_named_by_their_messages_with_the_checked_ones_ticked() {
		Document page = render(Platform.values(), "platform", Set.of(Platform.TIKTOK, Platform.X));

		assertThat(page.select("input[type=checkbox][name=platform]").eachAttr("value"))
			.containsExactlyElementsOf(List.of(Platform.values()).stream().map(Platform::name).toList());
		assertThat(page.select("input[checked]").eachAttr("id")).containsExactly("platform-X", "platform-TIKTOK");
		assertThat(page.selectFirst("label[for=platform-LINKEDIN]").text()).isEqualTo("LinkedIn (message)");
		assertThat(page.select("div.form-check > input.form-check-input + label.form-check-label")).hasSize(10);
	}

	@Test
	void other_values_are_their_own_escaped_labels_with_ids_by_place() {
		String hostile = "<img src=x onerror=alert(1)> & \"video\"";
		Document page = render(List.of("podcasts", hostile), "tag", List.of(hostile));

		assertThat(page.select("img")).isEmpty();
		assertThat(page.select("input[name=tag]").eachAttr("value")).containsExactly("podcasts", hostile);
		assertThat(page.select("input[name=tag]").eachAttr("id")).containsExactly("tag-0", "tag-1");
		assertThat(page.select("input[checked]").eachAttr("value")).containsExactly(hostile);
		assertThat(page.select("label").eachText()).containsExactly("podcasts", hostile);
	}

	@Test
	void without_checked_values_none_is_ticked() {
		Document page = render(List.of("a", "b"), "tag", null);

		assertThat(page.select("input[name=tag]")).hasSize(2);
		assertThat(page.select("input[checked]")).isEmpty();
	}

	private static Document render(Object values, String name, Object checked) {
		StaticMessageSource messages = new StaticMessageSource();
		for (Platform platform : Platform.values()) {
			messages.addMessage(platform.messageKey(), Locale.ENGLISH,
					(platform == Platform.LINKEDIN ? "LinkedIn" : platform.name()) + " (message)");
		}
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());
		engine.setTemplateEngineMessageSource(messages);
		engine.addDialect(new CheckboxesDialect());
		Context context = new Context(Locale.ENGLISH);
		context.setVariable("values", values);
		context.setVariable("checked", checked);
		return Jsoup.parseBodyFragment(engine.process(GROUP.formatted(name), context));
	}

}
