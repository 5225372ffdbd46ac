package org.waterhole.experiment;

import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.waterhole.organization.Role;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Planning takes the planned dates: on the experiment's page (in the "Plan it" form), or when a
 * new experiment is saved straight as planned. Missing or wrong dates come back at their fields,
 * with what was typed kept; the history shows the change.
 */
@WaterholeTest
class ExperimentPlanningTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ExperimentsData experiments;

	@Test
	void planning_an_idea_takes_its_dates_and_the_history_shows_them() throws Exception {
		long id = experiments.idea(TestData.unique("Plan with dates"));
		LocalDate start = TestClock.today().plusDays(7);
		LocalDate end = start.plusDays(21);

		mvc.perform(post("/experiments/{id}/plan", id).param("version", String.valueOf(experiments.version(id)))
			.param("plannedStart", start.toString())
			.param("plannedEnd", end.toString())
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(status().is3xxRedirection());

		ExperimentView view = experiments.service().view(id);
		assertThat(view.status()).isEqualTo(ExperimentStatus.PLANNED);
		assertThat(view.plannedStart()).isEqualTo(start);
		assertThat(view.plannedEnd()).isEqualTo(end);
		String history = page("/experiments/" + id + "/history").text();
		assertThat(history).contains("was Idea → now Planned");
	}

	@Test
	void planning_without_dates_or_with_the_end_first_is_refused_at_the_fields_with_the_input_kept() throws Exception {
		long id = experiments.idea(TestData.unique("Plan without dates"));
		LocalDate end = TestClock.today().plusDays(10);

		String missing = mvc.perform(plan(id).param("plannedEnd", end.toString()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("transition", "plannedStart", "experiment.plannedStart.required"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(missing);
		assertThat(page.select("#plan-form #plannedStart-error").text()).isEqualTo("Enter the day it should start.");
		assertThat(page.select("#plan-form input[name=plannedEnd]").val()).isEqualTo(end.toString());

		mvc.perform(plan(id).param("plannedStart", end.toString()).param("plannedEnd", end.minusDays(1).toString()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("transition", "plannedEnd", "experiment.end.beforeStart"));
		mvc.perform(plan(id).param("plannedStart", "next tuesday"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("transition", "plannedStart"));
		assertThat(experiments.service().view(id).status()).isEqualTo(ExperimentStatus.IDEA);
	}

	@Test
	void a_new_experiment_is_saved_straight_as_planned_with_its_dates() throws Exception {
		ExperimentForm form = experiments.form(TestData.unique("Straight to the plan"));
		LocalDate start = TestClock.today().plusDays(3);

		String refused = mvc.perform(create(form).param("asPlanned", "true").param("plannedStart", start.toString()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "plannedEnd", "experiment.plannedEnd.required"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(refused);
		assertThat(page.select("input[name=title]").val()).isEqualTo(form.getTitle());
		assertThat(page.select("input[name=plannedStart]").val()).isEqualTo(start.toString());
		assertThat(page.select("button[name=asPlanned]").text()).isEqualTo("Save as planned");

		String location = mvc
			.perform(create(form).param("asPlanned", "true")
				.param("plannedStart", start.toString())
				.param("plannedEnd", start.plusDays(14).toString()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		ExperimentView view = experiments.service().view(id);
		assertThat(view.status()).isEqualTo(ExperimentStatus.PLANNED);
		assertThat(view.plannedEnd()).isEqualTo(start.plusDays(14));

		// "Save" alone keeps it an idea, with or without dates.
		ExperimentForm idea = experiments.form(TestData.unique("Just an idea"));
		String ideaLocation = mvc.perform(create(idea)).andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(experiments.service().view(Long.parseLong(ideaLocation.substring(ideaLocation.lastIndexOf('/') + 1)))
			.status()).isEqualTo(ExperimentStatus.IDEA);
	}

	private MockHttpServletRequestBuilder plan(long id) {
		return post("/experiments/{id}/plan", id).param("version", String.valueOf(experiments.version(id)))
			.with(csrf())
			.with(data.as(Role.STRATEGIST));
	}

	private MockHttpServletRequestBuilder create(ExperimentForm form) {
		return post("/experiments").param("title", form.getTitle())
			.param("hypothesis", form.getHypothesis())
			.param("departmentId", String.valueOf(form.getDepartmentId()))
			.param("platform", form.getPlatform().name())
			.param("ownerEmail", form.getOwnerEmail())
			.param("impact", "5")
			.param("confidence", "5")
			.param("ease", "5")
			.param("metricName", form.getMetricName())
			.param("direction", "UP")
			.with(csrf())
			.with(data.as(Role.STRATEGIST));
	}

	private Document page(String path) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
