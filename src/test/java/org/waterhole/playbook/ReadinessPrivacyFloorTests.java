package org.waterhole.playbook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.waterhole.adoption.AdoptionLog;
import org.waterhole.adoption.Dashboard;
import org.waterhole.adoption.DashboardFilter;
import org.waterhole.adoption.EventKind;
import org.waterhole.adoption.RecordForm;
import org.waterhole.adoption.Stage;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.casestudy.Readings;
import org.waterhole.organization.DepartmentDetails;
import org.waterhole.organization.PersonErasure;
import org.waterhole.organization.Role;
import org.waterhole.playbook.Readiness.Contribution;
import org.waterhole.playbook.Readiness.Signal;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The readiness page below the privacy floor: a manager gets nothing worked out from what the
 * department's people read (not in the model, not in the page), the other signals with their
 * points, and why; at the floor, and for the strategist, everything.
 * <p>
 * Each department has a headcount of 10 and was Aware at the end of last month (5 of 25 points); two of
 * its people read today (20 % of 10: 10 of the 25 reach points) and one marked a case study
 * helpful, so reach rose since last month.
 */
@WaterholeTest
class ReadinessPrivacyFloorTests {

	/** What the reach row says of the points, the figures and the change since last month. */
	static final String REACH_POINTS = "10 of 25";

	static final String REACH_FIGURES = "20 % of its 10 staff";

	static final String REACH_CHANGE = "from 0 % to 20 % of staff";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	Readings readings;

	@Autowired
	AdoptionLog log;

	@Autowired
	PersonErasure erasure;

	@Autowired
	Dashboard dashboard;

	long strategist;

	@BeforeEach
	void setUp() {
		strategist = data.person(null);
	}

	@Test
	void a_manager_below_five_people_gets_no_figure_from_what_they_read() throws Exception {
		long department = departmentOf(4);

		MvcResult result = page(department, Role.MANAGER);
		Playbook.DepartmentPlaybook playbook = playbookOf(result);
		assertThat(playbook.readingsHidden()).isTrue();
		assertThat(playbook.score()).as("no total").isNull();
		assertThat(playbook.now()).as("no signals with readers and helpful marks").isNull();
		assertThat(playbook.movement()).as("no history of totals").isEmpty();
		assertThat(playbook.contributions()).extracting(Contribution::signal)
			.containsExactly(Signal.EXPERIMENTS, Signal.CHAMPIONS, Signal.ACTIVITY, Signal.STAGE, Signal.OBJECTIONS,
					Signal.TIME_IN_STAGE);
		assertThat(playbook.changes()).isNotNull().noneMatch(c -> c.signal().fromReadings());

		String html = result.getResponse().getContentAsString();
		Document doc = Jsoup.parse(html);
		assertThat(html).doesNotContain(REACH_POINTS, REACH_FIGURES, REACH_CHANGE, "One helpful mark");
		assertThat(doc.select("#readiness-score, #movement, #readiness-raw, #reach-over")).isEmpty();
		assertThat(doc.select("#contributions tr[data-signal=REACH], #contributions tr[data-signal=HELPFUL]")).isEmpty();
		assertThat(doc.select("#contributions tr[data-signal=STAGE]").text()).contains("1 step of 5", "5 of 25");
		assertThat(doc.select("#readiness-hidden").text()).contains("fewer than 5 people");
		assertThat(doc.select("#movement-hidden").text()).contains("fewer than 5 people");
		assertThat(doc.select("#changes li[data-signal=REACH]")).isEmpty();
		assertThat(doc.select("#changes").text()).contains("not shown");
	}

	/**
	 * A former member is no longer one of the department's people: four current people and one
	 * erased are below the floor (the readiness page, the dashboard's reach and the department's
	 * readers are hidden), and the reach is a share of the four.
	 */
	@Test
	void a_former_member_does_not_count_towards_the_floor() throws Exception {
		long department = departmentOf(4);
		String name = TestData.unique("Former Floor Person");
		erasure.erase(data.person(name, department), name, strategist);

		assertThat(playbookOf(page(department, Role.MANAGER)).readingsHidden()).isTrue();
		DashboardFilter filter = new DashboardFilter();
		filter.setDepartment(List.of(department));
		assertThat(dashboard.view(filter).reach()).singleElement().satisfies(row -> assertThat(row.hidden()).isTrue());
		var details = mvc.perform(get("/adoption/departments/{id}", department).with(data.as(Role.MANAGER)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("readers", nullValue()))
			.andReturn().getModelAndView().getModel().get("department");
		assertThat(((DepartmentDetails) details).peopleCount()).isEqualTo(4);
	}

	@Test
	void a_manager_at_five_people_sees_every_figure() throws Exception {
		long department = departmentOf(5);

		MvcResult result = page(department, Role.MANAGER);
		Playbook.DepartmentPlaybook playbook = playbookOf(result);
		assertThat(playbook.readingsHidden()).isFalse();
		assertThat(playbook.score()).isNotNull();
		assertThat(playbook.movement()).hasSize(Playbook.MONTHS + 1);
		assertThat(playbook.contributions()).extracting(Contribution::signal).contains(Signal.REACH, Signal.HELPFUL);

		assertFullPage(result.getResponse().getContentAsString());
	}

	@Test
	void the_strategist_sees_every_figure_below_five_people() throws Exception {
		long department = departmentOf(4);

		MvcResult result = page(department, Role.STRATEGIST);
		assertThat(playbookOf(result).readingsHidden()).isFalse();
		assertFullPage(result.getResponse().getContentAsString());
	}

	private void assertFullPage(String html) {
		Document doc = Jsoup.parse(html);
		assertThat(doc.select("#contributions tr[data-signal=REACH]").text()).contains(REACH_POINTS, REACH_FIGURES);
		assertThat(doc.select("#contributions tr[data-signal=HELPFUL]")).hasSize(1);
		assertThat(doc.select("#readiness-score, #movement")).hasSize(2);
		assertThat(doc.select("#changes li[data-signal=REACH]").text()).contains(REACH_CHANGE);
		assertThat(doc.select("#readiness-hidden, #movement-hidden")).isEmpty();
	}

	/** A department of {@code people}, two of whom read today and one found it helpful. */
	private long departmentOf(int people) {
		long department = data.department();
		RecordForm stage = RecordForm.of(department, TestClock.today().minusDays(40), EventKind.STAGE_CHANGE, "Aware");
		stage.setToStage(Stage.AWARE);
		log.record(stage, strategist);
		long caseStudy = caseStudies.published(TestData.unique("Floor"));
		var members = IntStream.range(0, people).mapToObj(i -> data.person(department)).toList();
		Instant now = TestClock.now().minusSeconds(5);
		assertThat(readings.record(caseStudy, members.get(0), department, now)).isTrue();
		assertThat(readings.record(caseStudy, members.get(1), department, now)).isTrue();
		readings.markHelpful(caseStudy, members.get(0), department, true, now);
		return department;
	}

	private MvcResult page(long department, Role role) throws Exception {
		return mvc.perform(get("/playbook/departments/{id}", department).with(data.as(role)))
			.andExpect(status().isOk())
			.andReturn();
	}

	private static Playbook.DepartmentPlaybook playbookOf(MvcResult result) {
		return (Playbook.DepartmentPlaybook) result.getModelAndView().getModel().get("playbook");
	}

}
