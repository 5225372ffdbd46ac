package org.waterhole.organization;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A department's code in the institution's directory, on the department form, page and history. */
@WaterholeTest
class DepartmentCodePagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private DepartmentService departments;

	@Test
	void a_department_is_created_and_edited_with_a_code_shown_on_its_page_and_in_its_history() throws Exception {
		String name = TestData.unique("Coded Office");
		String code = code();
		long id = idOf(create(name, " " + code + " ").andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/departments/*")));
		assertThat(departments.details(id).code()).isEqualTo(code);
		assertThat(codeOnPage(id)).isEqualTo(code);
		assertThat(editForm(id).select("input#code").val()).isEqualTo(code);
		assertThat(editForm(id).select("label[for=code]").text()).contains("Code");

		String newCode = code();
		edit(id, name, newCode, 0).andExpect(status().is3xxRedirection());
		assertThat(departments.details(id).code()).isEqualTo(newCode);
		assertThat(codeOnPage(id)).isEqualTo(newCode);

		Document history = page("/departments/" + id + "/history", Role.STRATEGIST);
		assertThat(history.select("dt").eachText()).contains("Code");
		assertThat(history.select("del.history-text").eachText()).contains(code);
		assertThat(history.select("ins.history-text").eachText()).contains(newCode);

		edit(id, name, "", 1).andExpect(status().is3xxRedirection());
		assertThat(departments.details(id).code()).isNull();
		assertThat(page("/departments/" + id, Role.STAFF).select("dt").eachText()).doesNotContain("Code");
	}

	@Test
	void departments_without_a_code_do_not_share_an_empty_one() throws Exception {
		create(TestData.unique("No Code A"), "").andExpect(status().is3xxRedirection());
		create(TestData.unique("No Code B"), "   ").andExpect(status().is3xxRedirection());
		create(TestData.unique("No Code C"), null).andExpect(status().is3xxRedirection());
	}

	@Test
	void a_code_taken_in_another_case_is_refused_and_the_input_kept() throws Exception {
		String code = code();
		long taken = idOf(create(TestData.unique("First Coded"), code.toLowerCase()));
		String name = TestData.unique("Second Coded");
		Document form = form(create(name, code.toUpperCase()).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "departments.code.taken")));
		assertThat(form.select("#code-error").text()).isEqualTo("Another department has this code.");
		assertThat(form.select("input#code").val()).isEqualTo(code.toUpperCase());
		assertThat(form.select("input#code").attr("aria-invalid")).isEqualTo("true");
		assertThat(form.select("input#name").val()).isEqualTo(name);

		long other = data.department();
		Document editing = form(edit(other, TestData.unique("Renamed"), code.toUpperCase(), 0)
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "departments.code.taken")));
		assertThat(editing.select("input#code").val()).isEqualTo(code.toUpperCase());
		assertThat(departments.details(other).code()).isNull();

		edit(taken, TestData.unique("Same Code Kept"), code.toUpperCase(), 0).andExpect(status().is3xxRedirection());
		assertThat(departments.details(taken).code()).as("its own code, in another case").isEqualTo(code.toUpperCase());
	}

	@Test
	void a_code_over_forty_characters_is_refused() throws Exception {
		String tooLong = "X".repeat(41);
		Document form = form(create(TestData.unique("Long Code"), tooLong).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "Size")));
		assertThat(form.select("#code-error").text()).isEqualTo("Use at most 40 characters.");
		assertThat(form.select("input#code").val()).isEqualTo(tooLong);

		long fits = idOf(create(TestData.unique("Forty"), "Y".repeat(40)).andExpect(status().is3xxRedirection()));
		assertThat(departments.details(fits).code()).hasSize(40);
	}

	private ResultActions create(String name, String code) throws Exception {
		var request = post("/departments").param("name", name).param("headcount", "3");
		if (code != null) {
			request.param("code", code);
		}
		return mvc.perform(request.with(csrf()).with(data.as(Role.STRATEGIST)));
	}

	private ResultActions edit(long id, String name, String code, long version) throws Exception {
		return mvc.perform(post("/departments/{id}", id).param("name", name)
			.param("code", code)
			.param("version", String.valueOf(version))
			.with(csrf())
			.with(data.as(Role.STRATEGIST)));
	}

	private static long idOf(ResultActions created) {
		String location = created.andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/departments/");
		return Long.parseLong(location.substring("/departments/".length()));
	}

	private String codeOnPage(long id) throws Exception {
		Document page = page("/departments/" + id, Role.STAFF);
		return page.select("dt:containsOwn(Code) + dd").text();
	}

	private Document editForm(long id) throws Exception {
		return page("/departments/" + id + "/edit", Role.STRATEGIST);
	}

	private Document page(String url, Role role) throws Exception {
		return Jsoup.parse(mvc.perform(get(url).with(data.as(role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static Document form(ResultActions answer) throws Exception {
		return Jsoup.parse(answer.andReturn().getResponse().getContentAsString());
	}

	private static String code() {
		return TestData.unique("HR").replace(' ', '-');
	}

}
