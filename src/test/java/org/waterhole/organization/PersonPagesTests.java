package org.waterhole.organization;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WaterholeTest
class PersonPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	PersonService people;

	@Test
	void the_strategist_adds_a_person_whose_email_is_kept_in_lower_case() throws Exception {
		long department = data.department();
		String name = TestData.unique("Grace Hopper");
		String email = TestData.email(name);
		mvc.perform(post("/people").param("name", name)
			.param("email", email.toUpperCase())
			.param("jobTitle", "Rear Admiral")
			.param("departmentId", String.valueOf(department))
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/people"));
		assertThat(people.page(name, department, Pageable.unpaged()).getContent()).singleElement()
			.satisfies(row -> {
				assertThat(row.getEmail()).isEqualTo(email);
				assertThat(row.getJobTitle()).isEqualTo("Rear Admiral");
				assertThat(row.getDepartmentId()).isEqualTo(department);
				assertThat(row.getRole()).isNull();
			});
	}

	@Test
	void emails_are_unique_whatever_their_case() throws Exception {
		String name = TestData.unique("Taken");
		data.person(name, null);
		mvc.perform(post("/people").param("name", "Someone Else")
			.param("email", TestData.email(name).toUpperCase())
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "email", "people.email.taken"));
	}

	@Test
	void bad_values_are_refused_field_by_field() throws Exception {
		mvc.perform(post("/people").param("name", "x".repeat(201))
			.param("email", "not an email")
			.param("departmentId", "library")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "name", "email", "departmentId"))
			.andExpect(content().string(containsString("Use at most 200 characters.")))
			.andExpect(content().string(containsString("Enter an email address such as name@example.org.")));
	}

	@Test
	void a_forged_department_id_is_a_field_error_not_a_crash() throws Exception {
		mvc.perform(post("/people").param("name", "Forger")
			.param("email", TestData.email(TestData.unique("forger")))
			.param("departmentId", String.valueOf(Long.MAX_VALUE))
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "departmentId", "people.department.unknown"));
	}

	@Test
	void the_list_filters_by_department_and_text() throws Exception {
		long department = data.department();
		String inside = TestData.unique("Insider");
		data.person(inside, department);
		String outside = TestData.unique("Insider");
		data.person(outside, null);
		mvc.perform(get("/people").param("q", "insider")
			.param("department", String.valueOf(department))
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(inside)))
			.andExpect(content().string(not(containsString(outside))))
			.andExpect(content().string(containsString("Showing 1–1 of 1")));
	}

	@Test
	void editing_changes_the_person_and_a_stale_edit_is_refused() throws Exception {
		long id = data.person(null);
		PersonForm form = people.form(id);
		mvc.perform(post("/people/{id}", id).param("name", "New Name")
			.param("email", form.getEmail())
			.param("version", String.valueOf(form.getVersion()))
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(status().is3xxRedirection());
		assertThat(people.name(id)).isEqualTo("New Name");

		mvc.perform(post("/people/{id}", id).param("name", "Stale Name")
			.param("email", form.getEmail())
			.param("version", String.valueOf(form.getVersion()))
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("conflict",
					new EditConflicts.Conflict(List.of(new EditConflicts.Change("name", "Name", "New Name")))))
			.andExpect(content().string(containsString("Stale Name")));
		assertThat(people.name(id)).isEqualTo("New Name");
	}

}
