package org.waterhole.adoption;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.casestudy.Readings;
import org.waterhole.organization.AccountForm;
import org.waterhole.organization.AccountService;
import org.waterhole.organization.Role;
import org.waterhole.shared.format.Formats;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard as its readers open it: a manager on their own department with the organisation's
 * figures beside it, the whole organisation on request (and for the strategist), the filter's
 * departments by name, bad filters answered with a message; the printable report; the exports'
 * names and first rows.
 */
@WaterholeTest
class DashboardPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	AdoptionLog log;

	@Autowired
	Dashboard dashboard;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	Readings readings;

	@Autowired
	CacheManager caches;

	@Autowired
	Formats formats;

	@Test
	void a_manager_with_a_department_opens_on_it_with_the_organisation_alongside() throws Exception {
		String name = TestData.unique("Own department");
		long own = data.department(name);
		stageChange(own, TestClock.today().minusDays(30), Stage.ADOPTING);
		RequestPostProcessor manager = managerIn(own);

		Document page = page(get("/adoption/dashboard").with(manager));

		assertThat(page.select("#dashboard-chosen .chip-name").eachText()).containsExactly(name);
		assertThat(page.select("#department-" + own).hasAttr("checked")).isTrue();
		assertThat(page.select("#dashboard-scope").text()).startsWith("1 departments");
		assertThat(page.select("#stages-now thead th").eachText()).containsExactly("Stage", "Chosen", "Organisation");
		DashboardFilter whole = new DashboardFilter();
		DashboardView organisation = dashboard.view(whole);
		List<String> adopting = page.select("#stages-now tbody tr").get(Stage.ADOPTING.ordinal()).select("td").eachText();
		assertThat(adopting).containsExactly("Adopting", "1",
				String.valueOf(organisation.stagesNow().get(Stage.ADOPTING)));
		assertThat(page.select(".key-figures .organisation-figure")).hasSize(4);
		assertThat(page.select(".figure-index").text()).isEqualTo("4.00");
		assertThat(page.select(".key-figures .organisation-figure").first().text())
			.isEqualTo("Organisation: " + organisation.indexNow());
		assertThat(page.select("#reach-table tfoot th").text()).isEqualTo("Organisation");
		assertThat(page.select("#objections-table tfoot tr.organisation-objections")).hasSize(1);
		// Every link names what the page shows, so that a shared address shows the same to anyone.
		assertThat(page.select("a[href*='export.csv']"))
			.allSatisfy(link -> assertThat(link.attr("href")).contains("department=" + own, "scope=organisation"));
		assertThat(page.select("#printable-report").attr("href")).contains("/adoption/report?department=" + own);
		assertThat(page.select("#whole-organisation").attr("href")).contains("scope=organisation")
			.doesNotContain("department=");
		assertThat(page.select("#compare-departments").attr("href")).isEqualTo("/playbook");
		assertThat(page.select("#dashboard-filters input[type=hidden][name=scope]").val()).isEqualTo("organisation");
	}

	@Test
	void the_whole_organisation_on_request_for_a_manager_and_from_the_start_for_the_strategist() throws Exception {
		String name = TestData.unique("Own department");
		long own = data.department(name);
		// Signed in before counting: a new strategist comes with a department of their own.
		RequestPostProcessor strategist = data.as(Role.STRATEGIST);
		int departments = dashboard.view(new DashboardFilter()).departments().size();

		Document whole = page(get("/adoption/dashboard").param("scope", "organisation").with(managerIn(own)));
		assertOrganisation(whole, departments);
		assertThat(whole.select("#department-" + own).hasAttr("checked")).isFalse();

		assertOrganisation(page(get("/adoption/dashboard").with(strategist)), departments);
		// A manager whom no department is given opens on the organisation too.
		assertOrganisation(page(get("/adoption/dashboard").with(managerIn(null))), departments);
	}

	private static void assertOrganisation(Document page, int departments) {
		assertThat(page.select("#dashboard-chosen .chip").eachText()).containsExactly("Whole organisation");
		assertThat(page.select("#dashboard-scope").text())
			.startsWith(String.format(java.util.Locale.ENGLISH, "%,d departments", departments));
		assertThat(page.select("#stages-now thead th").eachText()).containsExactly("Stage", "Departments");
		assertThat(page.select(".organisation-figure")).isEmpty();
		assertThat(page.select("#whole-organisation")).isEmpty();
		assertThat(page.select("#printable-report").attr("href")).doesNotContain("department=");
	}

	@Test
	void the_chosen_departments_show_as_names_each_removable_by_a_link() throws Exception {
		String first = TestData.unique("=Chosen first");
		String second = TestData.unique("Chosen second");
		long one = data.department(first);
		long two = data.department(second);

		Document page = page(get("/adoption/dashboard").param("department", String.valueOf(one), String.valueOf(two))
			.param("from", "2025-01-01")
			.param("to", "2025-12-31")
			.with(data.as(Role.MANAGER)));

		assertThat(page.select("#dashboard-chosen .chip-name").eachText()).containsExactly(first, second);
		assertThat(page.select("#department-list input[type=checkbox][checked]").eachAttr("value"))
			.containsExactly(String.valueOf(one), String.valueOf(two));
		assertThat(page.select("#department-summary").text()).isEqualTo("Departments: 2 chosen");
		String removeFirst = page.select("#dashboard-chosen .chip").get(0).select("a.chip-remove").attr("href");
		assertThat(removeFirst).contains("department=" + two, "scope=organisation", "from=2025-01-01", "to=2025-12-31")
			.doesNotContain("department=" + one);
		assertThat(page.select("#dashboard-chosen .chip").get(0).select("a.chip-remove").attr("aria-label"))
			.isEqualTo("Remove " + first + " from the filter");
		assertThat(page.select("#department-list label").eachText()).contains(first, second, "Admissions");
	}

	@Test
	void bad_filter_values_give_a_message_not_an_error() throws Exception {
		long own = data.department();
		for (String bad : List.of("abc", "1.5", "99999999999999999999")) {
			Document page = page(get("/adoption/dashboard").param("department", bad).with(managerIn(own)));
			assertThat(page.select("#figures .alert").text()).as(bad).contains("Some filters couldn’t be read");
		}
		Document unknown = page(get("/adoption/dashboard").param("department", String.valueOf(Long.MAX_VALUE), "-1")
			.param("from", "not a date")
			.with(data.as(Role.MANAGER)));
		assertThat(unknown.select("#figures .alert").text()).contains("aren’t on record")
			.contains("Some filters couldn’t be read");
		// A range from before any department was on record: nothing to count, and no error.
		Document before = page(get("/adoption/dashboard").param("department", String.valueOf(own))
			.param("from", "2001-01-01")
			.param("to", "2001-12-31")
			.with(data.as(Role.MANAGER)));
		assertThat(before.select("#dashboard-scope").text()).startsWith("0 departments");
		assertThat(page(get("/adoption/report").param("department", String.valueOf(own))
			.param("from", "2001-01-01")
			.param("to", "2001-12-31")
			.with(data.as(Role.MANAGER))).select("#report-standing tbody tr")).isEmpty();
		Document report = page(get("/adoption/report").param("department", "abc", String.valueOf(Long.MAX_VALUE))
			.with(data.as(Role.MANAGER)));
		assertThat(report.select(".report .alert").text()).contains("Some filters couldn’t be read");
		mvc.perform(get("/adoption/dashboard/export.csv").param("table", "REACH")
			.param("department", "abc")
			.with(data.as(Role.MANAGER))).andExpect(status().isOk());
	}

	@Test
	void the_report_of_a_department_shows_its_figures_with_the_organisation_beside_and_reach_only_from_five_people()
			throws Exception {
		String name = TestData.unique("Reported");
		long department = data.department(name);
		LocalDate end = TestClock.today().minusDays(1);
		LocalDate start = end.minusMonths(3);
		stageChange(department, start.minusDays(20), Stage.AWARE);
		stageChange(department, start.plusDays(10), Stage.INTERESTED);
		record(department, start.plusDays(12), EventKind.MILESTONE, "First campaign planned");
		RecordForm objection = RecordForm.of(department, start.plusDays(14), EventKind.OBJECTION, "“No time for it”");
		objection.setObjectionCategory(ObjectionCategory.TIME);
		log.record(objection, data.person(null));
		long caseStudy = caseStudies.published(TestData.unique("Report reading"));
		for (int i = 0; i < 4; i++) {
			long person = data.person(department);
			if (i < 2) {
				readings.record(caseStudy, person, department, end.atTime(9, 0).atZone(TestClock.ZONE).toInstant());
			}
		}
		MockHttpServletRequestBuilder report = get("/adoption/report").param("department", String.valueOf(department))
			.param("from", start.toString())
			.param("to", end.toString());

		Document four = page(report.with(data.as(Role.MANAGER)));
		assertThat(four.select("#report-heading").text()).isEqualTo("Adoption report: " + name);
		assertThat(four.select("#report-period").text())
			.isEqualTo("Period: " + formats.date(start) + " to " + formats.date(end));
		assertThat(four.select("#report-standing tbody td").eachText()).containsExactly("Interested",
				formats.date(start.plusDays(10)));
		assertThat(four.select("#report-changes li")).hasSize(1);
		assertThat(four.select("#report-changes li").text()).contains("Aware", "Interested");
		assertThat(four.select("#report-milestones").text()).contains("First campaign planned");
		assertThat(four.select("#report-objections").text()).contains("“No time for it”", "open");
		assertThat(four.select("#report-figures thead th").eachText()).containsExactly("Figure", name, "Organisation");
		assertThat(four.select("#figure-index td").eachText().get(0)).isEqualTo("2.00");
		assertThat(four.select("#figure-objections-raised td").eachText().get(0)).isEqualTo("1");
		assertThat(four.select("#figure-reach td").eachText().get(0)).isEqualTo("too few to show");
		assertThat(four.select("#figure-reach td")).hasSize(2);
		assertThat(four.select("[data-print]")).hasSize(1);
		assertThat(four.select("script[src*=/assets/js/print]")).hasSize(1);

		data.person(department); // the fifth
		caches.getCacheNames().forEach(cache -> caches.getCache(cache).clear());
		Document five = page(report.with(data.as(Role.MANAGER)));
		assertThat(five.select("#figure-reach td").eachText().get(0)).isEqualTo("40% (2 of 5)");
	}

	@Test
	void the_report_of_the_whole_organisation_shows_the_stages_and_nothing_to_compare_with() throws Exception {
		Document page = page(get("/adoption/report").with(data.as(Role.STRATEGIST)));

		assertThat(page.select("#report-heading").text()).isEqualTo("Adoption report: Whole organisation");
		assertThat(page.select("#report-stages tbody tr")).hasSize(Stage.values().length);
		assertThat(page.select("#report-standing")).isEmpty();
		assertThat(page.select("#report-figures thead th").eachText()).containsExactly("Figure", "Whole organisation");
		assertThat(page.select("#figure-index td").text())
			.isEqualTo(dashboard.view(new DashboardFilter()).indexNow().toString());
	}

	@Test
	void a_managers_report_opens_on_their_department_like_their_dashboard() throws Exception {
		String name = TestData.unique("Reported");
		long own = data.department(name);

		Document mine = page(get("/adoption/report").with(managerIn(own)));
		Document whole = page(get("/adoption/report").param("scope", "organisation").with(managerIn(own)));

		assertThat(mine.select("#report-heading").text()).isEqualTo("Adoption report: " + name);
		assertThat(whole.select("#report-heading").text()).isEqualTo("Adoption report: Whole organisation");
	}

	@Test
	void exports_name_their_departments_and_period_in_the_file_name_and_first_row() throws Exception {
		String name = TestData.unique("=Admissions & Co");
		long department = data.department(name);
		LocalDate from = LocalDate.of(2025, 12, 8);
		LocalDate to = TestClock.today();
		String period = formats.date(from) + " to " + formats.date(to);

		MockHttpServletResponse reach = export("REACH", from, to, department);
		String slug = name.substring(1).toLowerCase().replace(" & ", "-").replace(' ', '-');
		assertThat(reach.getHeader("Content-Disposition"))
			.contains("filename=\"adoption-reach-" + slug + "-2025-12-08-to-" + to + ".csv\"");
		List<String> lines = reach.getContentAsString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).isEqualTo("\uFEFF\"Reach per department — " + name + " — " + period + "\"");
		assertThat(lines.get(1)).startsWith("\"Department\",\"Readers\"");
		assertThat(lines.get(2)).startsWith("\"'" + name + "\",");

		MockHttpServletResponse stages = export("STAGES", from, to);
		assertThat(stages.getHeader("Content-Disposition"))
			.contains("filename=\"adoption-stages-organisation-2025-12-08-to-" + to + ".csv\"");
		assertThat(stages.getContentAsString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
			.isEqualTo("\uFEFF\"Departments per stage — Whole organisation — " + period + "\"");

		long[] many = { department, data.department(), data.department(), data.department() };
		MockHttpServletResponse objections = export("OBJECTIONS", from, to, many);
		assertThat(objections.getHeader("Content-Disposition"))
			.contains("filename=\"adoption-objections-4-departments-2025-12-08-to-" + to + ".csv\"");
		assertThat(objections.getContentAsString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
			.isEqualTo("\uFEFF\"Objections by category — 4 departments — " + period + "\"");
	}

	private MockHttpServletResponse export(String table, LocalDate from, LocalDate to, long... departments)
			throws Exception {
		MockHttpServletRequestBuilder request = get("/adoption/dashboard/export.csv").param("table", table)
			.param("scope", "organisation")
			.param("from", from.toString())
			.param("to", to.toString());
		for (long department : departments) {
			request.param("department", String.valueOf(department));
		}
		return mvc.perform(request.with(data.as(Role.MANAGER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
	}

	/** A manager placed in {@code department} ({@code null}: in none). */
	private RequestPostProcessor managerIn(Long department) {
		String name = TestData.unique("Manager");
		AccountForm form = new AccountForm();
		form.setPersonId(data.person(name, department));
		form.setRole(Role.MANAGER);
		form.setPassword(TestData.PASSWORD);
		accounts.create(form);
		return user(data.user(TestData.email(name)));
	}

	private void stageChange(long department, LocalDate on, Stage stage) {
		RecordForm form = RecordForm.of(department, on, EventKind.STAGE_CHANGE, "Now " + stage);
		form.setToStage(stage);
		log.record(form, data.person(null));
	}

	private void record(long department, LocalDate on, EventKind kind, String title) {
		log.record(RecordForm.of(department, on, kind, title), data.person(null));
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

}
