package org.waterhole.organization;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.shared.web.EditConflicts;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WaterholeTest
class DepartmentPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	DepartmentService departments;

	@Test
	void staff_see_the_list_and_search_it_by_name() throws Exception {
		String name = TestData.unique("Zebra Studies");
		data.department(name);
		mvc.perform(get("/departments").param("q", name.substring(0, 10).toUpperCase()).with(data.as(Role.STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(not(containsString("Admissions"))));
	}

	@Test
	void a_search_that_finds_nothing_says_so_and_offers_to_clear_it() throws Exception {
		mvc.perform(get("/departments").param("q", "no such department 100%_").with(data.as(Role.STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No department has a name containing")))
			.andExpect(content().string(containsString("Clear the search")));
	}

	@Test
	void the_list_sorts_by_people_and_ignores_unknown_sort_keys() throws Exception {
		String prefix = TestData.unique("Sortable");
		long small = data.department(prefix + " A small");
		long big = data.department(prefix + " B big");
		data.person(small);
		for (int i = 0; i < 3; i++) {
			data.person(big);
		}
		assertThat(rowsOf(prefix, "people,desc")).containsExactly(prefix + " B big", prefix + " A small");
		assertThat(rowsOf(prefix, "people,asc")).containsExactly(prefix + " A small", prefix + " B big");
		assertThat(rowsOf(prefix, "password,asc;drop table")).containsExactly(prefix + " A small", prefix + " B big");
		assertThat(rowsOf(prefix, "name,desc")).containsExactly(prefix + " B big", prefix + " A small");
	}

	private List<String> rowsOf(String query, String sort) throws Exception {
		String html = mvc.perform(get("/departments").param("q", query).param("sort", sort).with(data.as(Role.STAFF)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html).select("table tbody tr td:first-child a").eachText();
	}

	@Test
	void the_strategist_creates_a_department() throws Exception {
		String name = TestData.unique("Press Office");
		mvc.perform(post("/departments").param("name", "  " + name + "  ")
			.param("description", "Talks to journalists.")
			.param("headcount", "7")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/departments/*"))
			.andExpect(flash().attributeExists("flash"));
		assertThat(departments.page(name, org.springframework.data.domain.Pageable.unpaged()).getContent())
			.singleElement()
			.satisfies(row -> {
				assertThat(row.getName()).isEqualTo(name);
				assertThat(row.getHeadcount()).isEqualTo(7);
			});
	}

	@Test
	void invalid_input_comes_back_with_messages_and_what_was_typed() throws Exception {
		mvc.perform(post("/departments").param("name", "Kept <b>name</b>")
			.param("headcount", "-3")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "headcount"))
			.andExpect(content().string(containsString("Enter zero or a positive number.")))
			.andExpect(content().string(containsString("value=\"Kept &lt;b&gt;name&lt;/b&gt;\"")));
		mvc.perform(post("/departments").param("name", "")
			.param("description", "<script>alert(1)</script>")
			.param("headcount", "twelve")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "name", "headcount"))
			.andExpect(content().string(containsString("Enter a value.")))
			.andExpect(content().string(containsString("Enter a whole number.")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
	}

	/** The days between check-ins: a whole number from 1 to 365, or blank; shown on the page, kept in the history. */
	@Test
	void the_check_in_interval_is_a_number_of_days_or_blank() throws Exception {
		long id = data.department();
		for (String[] bad : new String[][] { { "0", "Enter at least 1." }, { "366", "Enter at most 365." },
				{ "two weeks", "Enter a whole number." } }) {
			mvc.perform(post("/departments/{id}", id).param("name", "Kept name").param("checkInDays", bad[0])
				.param("version", "0")
				.with(csrf())
				.with(data.as(Role.STRATEGIST)))
				.andExpect(status().isOk())
				.andExpect(model().attributeHasFieldErrors("form", "checkInDays"))
				.andExpect(content().string(containsString(bad[1])))
				.andExpect(content().string(containsString("value=\"Kept name\"")));
		}
		assertThat(departments.details(id).checkInDays()).isNull();

		String name = TestData.unique("Fortnightly");
		mvc.perform(post("/departments/{id}", id).param("name", name).param("checkInDays", "14")
			.param("version", "0")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().is3xxRedirection());
		assertThat(departments.details(id).checkInDays()).isEqualTo(14);
		assertThat(departments.options()).filteredOn(o -> o.getId() == id)
			.singleElement()
			.returns(14, DepartmentOption::getCheckInDays);
		assertThat(Jsoup.parse(mvc.perform(get("/departments/{id}", id).with(data.as(Role.STAFF)))
			.andReturn()
			.getResponse()
			.getContentAsString()).select("dd").eachText()).contains("14 days");
		assertThat(Jsoup.parse(mvc.perform(get("/departments/{id}/edit", id).with(data.as(Role.STRATEGIST)))
			.andReturn()
			.getResponse()
			.getContentAsString()).select("#checkInDays").val()).isEqualTo("14");
		mvc.perform(get("/departments/{id}/history", id).with(data.as(Role.STRATEGIST)))
			.andExpect(content().string(containsString("Check in every")));
	}

	@Test
	void names_are_unique_whatever_their_case() throws Exception {
		String name = TestData.unique("Unique Name");
		data.department(name);
		mvc.perform(post("/departments").param("name", name.toUpperCase())
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "departments.name.taken"))
			.andExpect(content().string(containsString("There is already a department with this name.")));
	}

	@Test
	void a_stale_edit_is_refused_and_keeps_the_users_input() throws Exception {
		long id = data.department();
		DepartmentForm first = departments.form(id);
		first.setDescription("Changed by someone else");
		departments.update(id, first);

		var result = mvc.perform(post("/departments/{id}", id).param("name", TestData.unique("Renamed"))
			.param("description", "My own text")
			.param("version", "0")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone else changed this in the meantime")))
			.andExpect(content().string(containsString("My own text")))
			.andReturn();
		// What is saved now, where it differs: the other person's description and the name kept.
		EditConflicts.Conflict conflict = (EditConflicts.Conflict) result.getModelAndView().getModel().get("conflict");
		assertThat(conflict.changes()).contains(
				new EditConflicts.Change("description", "Description", "Changed by someone else"),
				new EditConflicts.Change("name", "Name", departments.details(id).name()));
		assertThat(Jsoup.parse(result.getResponse().getContentAsString()).select("dl.conflict-changes dd").eachText())
			.contains("Changed by someone else");
		assertThat(departments.details(id).description()).isEqualTo("Changed by someone else");
	}

	@Test
	void the_department_page_lists_its_people() throws Exception {
		long id = data.department();
		String name = TestData.unique("Member");
		data.person(name, id);
		mvc.perform(get("/departments/{id}", id).with(data.as(Role.STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(not(containsString("/departments/" + id + "/edit"))));
	}

	@Test
	void an_unknown_department_is_not_found() throws Exception {
		mvc.perform(get("/departments/{id}", Long.MAX_VALUE).with(data.as(Role.STAFF)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/departments/{id}/edit", Long.MAX_VALUE).with(data.as(Role.STRATEGIST)))
			.andExpect(status().isNotFound());
	}

}
