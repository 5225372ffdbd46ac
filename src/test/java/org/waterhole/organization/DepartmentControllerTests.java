package org.waterhole.organization;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.shared.DuplicateException;
import org.waterhole.shared.StaleEditException;
import org.waterhole.shared.web.EditConflicts;
import org.waterhole.support.WaterholeWebTest;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The department pages in a web slice, for each role: the services are mocked, so this is about
 * the controller, its security rules, validation and views.
 */
@WaterholeWebTest(DepartmentController.class)
@Import(OrganizationUrlRules.class)
class DepartmentControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	DepartmentService departments;

	@MockitoBean
	PersonService people;

	static RequestPostProcessor as(Role role) {
		return user(new WaterholeUser(1, 1, null, "Test " + role, role.name().toLowerCase() + "@example.org",
				"{noop}x", role, true));
	}

	@Test
	void every_role_reads_the_list() throws Exception {
		Page<DepartmentRow> none = new PageImpl<>(List.of(), Pageable.ofSize(20), 0);
		given(departments.page(any(), any())).willReturn(none);
		for (Role role : Role.values()) {
			mvc.perform(get("/departments").with(as(role)))
				.andExpect(status().isOk())
				.andExpect(view().name("departments/list"))
				.andExpect(content().string(containsString("No departments yet.")));
		}
	}

	@Test
	void anonymous_visitors_are_sent_to_the_login_page() throws Exception {
		mvc.perform(get("/departments")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void staff_and_managers_may_not_create_or_edit() throws Exception {
		for (Role role : List.of(Role.STAFF, Role.MANAGER)) {
			mvc.perform(get("/departments/new").with(as(role))).andExpect(status().isForbidden());
			mvc.perform(get("/departments/1/edit").with(as(role))).andExpect(status().isForbidden());
			mvc.perform(post("/departments").param("name", "X").with(csrf()).with(as(role)))
				.andExpect(status().isForbidden());
			mvc.perform(post("/departments/1").param("name", "X").with(csrf()).with(as(role)))
				.andExpect(status().isForbidden());
		}
		verify(departments, never()).create(any());
		verify(departments, never()).update(anyLong(), any());
	}

	@Test
	void the_strategist_creates_and_is_redirected_to_the_new_department() throws Exception {
		given(departments.create(any())).willReturn(42L);
		mvc.perform(post("/departments").param("name", "Library").with(csrf()).with(as(Role.STRATEGIST)))
			.andExpect(redirectedUrl("/departments/42"));
	}

	@Test
	void without_a_csrf_token_nothing_is_created() throws Exception {
		mvc.perform(post("/departments").param("name", "Library").with(as(Role.STRATEGIST)))
			.andExpect(status().isForbidden());
		verify(departments, never()).create(any());
	}

	@Test
	void invalid_input_never_reaches_the_service() throws Exception {
		mvc.perform(post("/departments").param("name", " ").param("headcount", "1.5").with(csrf())
			.with(as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "name", "headcount"));
		verify(departments, never()).create(any());
	}

	@Test
	void a_taken_name_and_a_stale_version_come_back_as_messages_on_the_form() throws Exception {
		given(departments.create(any())).willThrow(new DuplicateException("name"));
		mvc.perform(post("/departments").param("name", "Library").with(csrf()).with(as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "departments.name.taken"));

		willThrow(new StaleEditException("Department", 7, 3)).given(departments).update(eq(7L), any());
		DepartmentForm saved = new DepartmentForm();
		saved.setName("Library");
		saved.setDescription("Saved meanwhile");
		saved.setVersion(3L);
		given(departments.form(7)).willReturn(saved);
		mvc.perform(post("/departments/7").param("name", "Library")
			.param("description", "")
			.param("version", "1")
			.with(csrf())
			.with(as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("conflict",
					new EditConflicts.Conflict(List.of(new EditConflicts.Change("description", "Description", "Saved meanwhile")))))
			.andExpect(content().string(containsString("value=\"3\"")));
	}

}
