package org.waterhole.playbook;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.adoption.AdoptionLog;
import org.waterhole.adoption.EventKind;
import org.waterhole.adoption.RecordForm;
import org.waterhole.adoption.Stage;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.casestudy.Readings;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.Role;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A manager's home page, every department compared (page and CSV) and the agenda's links to the
 * full lists, on departments made for each test beside the demo organisation.
 */
@WaterholeTest
class ComparisonTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AdoptionLog log;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	Readings readings;

	@Autowired
	DepartmentService departments;

	long strategist;

	LocalDate today;

	@BeforeEach
	void setUp() {
		strategist = data.person(null);
		today = TestClock.today();
	}

	/**
	 * A manager of a department of five (themselves and four others, two of whom read) sees it at a
	 * glance: its stage and since when, its readiness and rank among every department, its reach
	 * over its headcount of ten, and the organisation's median beside each figure.
	 */
	@Test
	void a_manager_sees_their_department_beside_the_organisation() throws Exception {
		long department = data.department(TestData.unique("Glance"));
		stage(department, Stage.EXPERIMENTING, today.minusDays(20));
		String manager = data.account(Role.MANAGER, department);
		List<Long> people = people(department, 4);
		long caseStudy = caseStudies.published(TestData.unique("Glance read"));
		readings.record(caseStudy, people.get(0), department, TestClock.now());
		readings.record(caseStudy, people.get(1), department, TestClock.now());

		Document home = page("/", as(manager));

		Element mine = home.getElementById("my-department");
		assertThat(mine).isNotNull();
		assertThat(mine.selectFirst("h2").text()).contains(departments.details(department).name());
		// Ranked among the departments whose readiness a manager may see (five people or more).
		java.util.regex.Matcher rank = java.util.regex.Pattern.compile("(\\d+) of (\\d+) departments by readiness")
			.matcher(home.getElementById("my-rank").text());
		assertThat(rank.find()).isTrue();
		assertThat(Integer.parseInt(rank.group(1))).isBetween(1, Integer.parseInt(rank.group(2)));
		assertThat(Integer.parseInt(rank.group(2))).isBetween(1, departments.options().size());
		assertThat(home.getElementById("my-stage").text()).contains("Experimenting").contains("since");
		// Two readers of a headcount of 10: 20 %.
		assertThat(plain(home.select("#my-reach td").first())).startsWith("20 % of its staff");
		assertThat(home.getElementById("my-figures").select("thead th").eachText()).contains("The organisation’s median");
		assertThat(home.getElementById("my-changes").text()).contains("What changed since last month");
		assertThat(mine.select("a").eachAttr("href")).contains("/adoption/departments/" + department,
				"/playbook/departments/" + department, "/adoption/dashboard", "/playbook?sort=-readiness");
		assertThat(home.getElementById("agenda")).isNull();
	}

	/**
	 * Below five people, what its people read is hidden from its manager, on the home page and the
	 * comparison: its reach, and its readiness, which counts the reach and helpful marks.
	 */
	@Test
	void a_manager_of_four_people_does_not_see_their_reach_or_readiness() throws Exception {
		long department = data.department(TestData.unique("Small"));
		String manager = data.account(Role.MANAGER, department);
		List<Long> people = people(department, 3);
		readings.record(caseStudies.published(TestData.unique("Small read")), people.get(0), department, TestClock.now());

		Document home = page("/", as(manager));
		assertThat(plain(home.select("#my-reach td").first())).isEqualTo("hidden: fewer than 5 people");
		assertThat(plain(home.select("#my-readiness td").first())).isEqualTo("hidden: fewer than 5 people");
		assertThat(home.getElementById("my-rank").text()).doesNotContain("departments by readiness").contains("isn’t shown");
		assertThat(home.select("#my-changes li").eachAttr("data-signal")).doesNotContain("REACH", "HELPFUL", "STAGE_BAND");
		Element small = row(page("/playbook", as(manager)), department);
		assertThat(small.select("td").eachText()).filteredOn("hidden: fewer than 5 people"::equals).hasSize(2);
		assertThat(plain(row(page("/playbook", data.as(Role.STRATEGIST)), department))).contains("10 %");

		people(department, 1);
		Document five = page("/", as(manager));
		assertThat(plain(five.select("#my-reach td").first())).startsWith("10 % of its staff");
		assertThat(plain(five.select("#my-readiness td").first())).matches("\\d+ of 100");
		assertThat(five.getElementById("my-rank").text()).containsPattern("\\d+ of \\d+ departments by readiness");
	}

	/** A manager in no department gets the organisation: departments per stage and the medians. */
	@Test
	void a_manager_without_a_department_sees_the_organisation() throws Exception {
		Document home = page("/", as(data.account(Role.MANAGER, null)));

		assertThat(home.getElementById("my-department")).isNull();
		Element organisation = home.getElementById("organisation-glance");
		assertThat(organisation).isNotNull();
		long total = home.getElementById("organisation-stages")
			.select("tbody td")
			.eachText()
			.stream()
			.mapToLong(Long::parseLong)
			.sum();
		assertThat(total).isEqualTo(departments.options().size());
		assertThat(home.getElementById("median-readiness").text()).isNotBlank();
		assertThat(organisation.select("a").eachAttr("href")).contains("/playbook?sort=-readiness");
	}

	@Test
	void the_comparison_lists_every_department_sorted_and_filtered() throws Exception {
		String name = TestData.unique("Zebra compared");
		long department = data.department(name);
		stage(department, Stage.AWARE, today.minusDays(5));

		Document all = page("/playbook", data.as(Role.MANAGER));
		assertThat(all.select("tr.department-row")).hasSize(departments.options().size());
		assertThat(all.getElementById("compare-median").text()).startsWith("The organisation’s median");
		assertThat(all.select("th[aria-sort=ascending]").attr("data-column")).isEqualTo("name");
		assertThat(row(all, department).selectFirst("a").attr("href")).isEqualTo("/playbook/departments/" + department);

		Document byReadiness = page("/playbook?sort=-readiness", data.as(Role.MANAGER));
		// The readiest first; the departments whose readiness a manager may not see (too few people) last.
		List<String> cells = byReadiness.select("tr.department-row td:eq(3)").eachText();
		List<String> shown = cells.stream().takeWhile(cell -> cell.matches("\\d+")).toList();
		assertThat(cells.subList(shown.size(), cells.size())).allMatch("hidden: fewer than 5 people"::equals);
		assertThat(shown).isNotEmpty();
		assertThat(shown.stream().map(Integer::valueOf).toList()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		Element header = byReadiness.selectFirst("th[data-column=readiness]");
		assertThat(header.attr("aria-sort")).isEqualTo("descending");
		assertThat(header.selectFirst("a").attr("href")).isEqualTo("/playbook?sort=readiness");

		Document filtered = page("/playbook?stage=AWARE&q=" + name.toLowerCase() + "&sort=nonsense",
				data.as(Role.MANAGER));
		assertThat(filtered.select("tr.department-row")).hasSize(1);
		assertThat(row(filtered, department)).isNotNull();
		assertThat(page("/playbook?stage=ADVOCATING&q=" + name, data.as(Role.MANAGER)).select("tr.department-row"))
			.isEmpty();
	}

	/** The strategist sees each department's first suggestion with its accept link; a manager doesn't. */
	@Test
	void the_strategist_sees_each_departments_first_suggestion() throws Exception {
		long department = data.department(TestData.unique("Suggested"));

		Element row = row(page("/playbook", data.as(Role.STRATEGIST)), department);
		assertThat(row.selectFirst("a.first-suggestion").attr("href"))
			.isEqualTo(Playbook.acceptPath(department, Rule.RECRUIT_CHAMPION));
		assertThat(row(page("/playbook", data.as(Role.MANAGER)), department).select("a.first-suggestion")).isEmpty();
	}

	@Test
	void the_csv_holds_the_same_rows_with_formulas_made_plain() throws Exception {
		long formula = data.department(TestData.unique("=1+2"));
		long other = data.department(TestData.unique("Plain CSV"));
		stage(formula, Stage.INTERESTED, today.minusDays(3));
		stage(other, Stage.INTERESTED, today.minusDays(3));

		MvcResult result = mvc.perform(get("/playbook/export.csv?stage=INTERESTED&sort=-name").with(data.as(Role.MANAGER)))
			.andExpect(status().isOk())
			.andReturn();

		assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.contains("departments-compared-" + today + "-interested.csv");
		String csv = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).isEqualTo("\uFEFF\"Departments compared on " + today + "; stage: Interested\"");
		assertThat(lines.get(1)).startsWith("\"Department\",\"Stage\"");
		assertThat(csv).contains("\"'=1+2 ").doesNotContain("\"=1+2");
		assertThat(lines).noneMatch(line -> line.contains("\"Adopting\""));
		assertThat(lines.get(lines.size() - 1)).startsWith("\"The organisation’s median\"");
		// Sorted by name from Z: the plain name before "=1+2".
		assertThat(csv.indexOf("Plain CSV")).isLessThan(csv.indexOf("'=1+2"));
	}

	/**
	 * Each list of the agenda with more than it shows links to the whole list; case studies past
	 * their review date say so in words, there and on the review list.
	 */
	@Test
	void the_agendas_lists_link_to_their_full_lists() throws Exception {
		IntStream.range(0, Agenda.ITEMS + 1).forEach(i -> {
			long department = data.department(TestData.unique("Agenda more"));
			// Stalled a hundred days ago: a check-in is due, and it has no champion to suggest.
			stage(department, Stage.AWARE, today.minusDays(100));
		});

		String title = TestData.unique("Overdue review");
		caseStudies.published(title, form -> form.setReviewBy(today.minusDays(1)));

		Document home = page("/", data.as(Role.STRATEGIST));

		assertThat(home.select("#agenda-review-items li .badge").eachText()).contains("overdue");
		Document review = page("/library/review?size=100", data.as(Role.STRATEGIST));
		assertThat(review.select("tr:has(a:containsOwn(" + title + ")) .badge").text()).isEqualTo("overdue");
		List<String> more = home.select("#agenda a.agenda-more").eachAttr("href");
		assertThat(more).contains("/playbook?sort=readiness", "/playbook?due=true&sort=-time");
		assertThat(home.select("#agenda a").eachAttr("href")).contains("/playbook?sort=readiness");
		Document due = page("/playbook?due=true&sort=-time", data.as(Role.STRATEGIST));
		assertThat(due.select("tr.department-row").size()).isGreaterThan(Agenda.ITEMS);
	}

	/** An element's text with its no-break spaces as spaces. */
	private static String plain(Element element) {
		return element.text().replace('\u00a0', ' ');
	}

	private Element row(Document page, long department) {
		return page.selectFirst("tr.department-row[data-department=" + department + "]");
	}

	private Document page(String url, RequestPostProcessor user) throws Exception {
		String html = mvc.perform(get(url).with(user)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return Jsoup.parse(html);
	}

	private RequestPostProcessor as(String email) {
		return SecurityMockMvcRequestPostProcessors.user(data.user(email));
	}

	private List<Long> people(long department, int count) {
		return IntStream.range(0, count).mapToObj(i -> data.person(department)).toList();
	}

	private void stage(long department, Stage stage, LocalDate on) {
		RecordForm form = RecordForm.of(department, on, EventKind.STAGE_CHANGE, "Now " + stage);
		form.setToStage(stage);
		log.record(form, strategist);
	}

}
