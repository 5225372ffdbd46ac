package org.waterhole.organization;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The department filters (the {@code departmentOptions} fragment of {@code fragments/forms}):
 * every department once, names escaped (a name with markup shows as text and adds no element),
 * the chosen ones selected and no other.
 */
@WaterholeTest
class DepartmentFilterTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	DepartmentService departments;

	@Test
	void each_filter_lists_every_department_escaped_with_the_chosen_ones_selected() throws Exception {
		String hostile = TestData.unique("<img src=x onerror=alert(1)> & \"Sales\"");
		long markup = data.department(hostile);
		long other = data.department();
		RequestPostProcessor strategist = SecurityMockMvcRequestPostProcessors.user(data.user(Role.STRATEGIST));
		for (String page : List.of("/experiments?department=" + markup, "/experiments/board?department=" + markup,
				"/champions?department=" + markup,
				"/library/search?department=" + markup, "/people?department=" + markup,
				"/adoption?department=" + markup + "&department=" + other)) {
			Document document = escaped(page, strategist);
			Element option = document.selectFirst("select#department option[value=" + markup + "]");
			assertThat(option).as(page).isNotNull();
			assertThat(option.text()).as(page).isEqualTo(hostile);
			assertThat(option.hasAttr("selected")).as(page).isTrue();
			assertThat(document.select("select#department option[value=" + markup + "]")).as(page).hasSize(1);
			Element second = document.selectFirst("select#department option[value=" + other + "]");
			assertThat(second.hasAttr("selected")).as(page).isEqualTo(page.startsWith("/adoption"));
			List<String> listed = document.select("select#department option").eachAttr("value");
			listed.remove(""); // "Any department"
			assertThat(listed).as(page)
				.containsExactlyElementsOf(departments.options().stream().map(o -> o.getId().toString()).toList());
			assertThat(document.select("select#department option[selected]")).as(page)
				.hasSize(page.startsWith("/adoption") ? 2 : 1);
		}
	}

	/** The dashboard's filter is a list of checkboxes: each department once, labelled by its name, the chosen ones ticked. */
	@Test
	void the_dashboard_lists_every_department_as_a_checkbox_escaped_with_the_chosen_ones_ticked() throws Exception {
		String hostile = TestData.unique("<img src=x onerror=alert(1)> & \"Sales\"");
		long markup = data.department(hostile);
		long other = data.department();
		long unchosen = data.department();
		RequestPostProcessor strategist = SecurityMockMvcRequestPostProcessors.user(data.user(Role.STRATEGIST));
		Document document = escaped("/adoption/dashboard?department=" + markup + "&department=" + other, strategist);
		String box = "fieldset#department-list input[type=checkbox][name=department][value=";
		assertThat(document.select(box + markup + "]")).hasSize(1);
		assertThat(document.selectFirst("label[for=department-" + markup + "]").text()).isEqualTo(hostile);
		assertThat(document.selectFirst(box + markup + "]").hasAttr("checked")).isTrue();
		assertThat(document.selectFirst(box + other + "]").hasAttr("checked")).isTrue();
		assertThat(document.selectFirst(box + unchosen + "]").hasAttr("checked")).isFalse();
	}

	/** The page, with no element made from a department's name. */
	private Document escaped(String page, RequestPostProcessor user) throws Exception {
		String html = mvc.perform(get(page).with(user)).andReturn().getResponse().getContentAsString();
		Document document = Jsoup.parse(html);
		assertThat(document.select("img[src=x]")).as(page).isEmpty();
		assertThat(html).as(page).doesNotContain("<img src=x");
		return document;
	}

}
