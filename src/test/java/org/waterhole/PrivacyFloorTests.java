package org.waterhole;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.adoption.Dashboard;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.casestudy.Readings;
import org.waterhole.organization.DepartmentForm;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.PersonErasure;
import org.waterhole.organization.Role;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The privacy floor on every page and file that shows figures worked out from what people read:
 * a department of 4 people (also with a fifth who was erased) shows its manager no reader count,
 * no reach percentage and no readiness total, only that there are too few people; at 5 people
 * the same figures are there, and the strategist sees them on the playbook's pages at 4.
 * <p>
 * Each department has no headcount (reach counts over its people on record), its manager is one
 * of its people, and {@value #READERS} of the others read a case study today, {@value #HELPFUL}
 * of them marking it helpful: at 4 people that is 75 % reach, at 5 people 60 %, and a readiness
 * of {@value #READINESS} either way: all 25 points of reach and all 10 of helpful marks, nothing else.
 */
@WaterholeTest
class PrivacyFloorTests {

	static final int READERS = 3;

	static final int HELPFUL = 2;

	static final int READINESS = 35;

	/** Figures longer than this are phrases no other department's figures make. */
	private static final int SENTENCE = 5;

	/** The department's people: below the floor, below it with a former member, on it. */
	enum Size {

		FOUR(4, 0), FOUR_AND_A_FORMER_MEMBER(4, 1), FIVE(5, 0);

		final int people;

		final int former;

		Size(int people, int former) {
			this.people = people;
			this.former = former;
		}

		boolean below() {
			return people < Dashboard.PRIVACY_FLOOR;
		}

	}

	/** A department made for one case, its people counted without former members. */
	record Department(long id, String name, int people, String managerEmail) {

		long percent() {
			return Math.round(100.0 * READERS / people);
		}

	}

	/**
	 * A page that shows reading figures: its address for a department, the part of it about the
	 * department, what it says there below the floor, the figures it shows from the floor on, and
	 * whether the strategist sees them below the floor.
	 */
	record Page(String name, Function<Department, String> url, Function<Department, String> section, String tooFew,
			Function<Department, List<String>> figures, boolean strategistSees) {

		@Override
		public String toString() {
			return name;
		}

	}

	/**
	 * A file that shows reading figures: the page that links to it (its links discovered there) or
	 * its own address, which of its rows are about the department, the cells that hold its figures,
	 * what such a cell says below the floor, and whether the strategist sees them below the floor.
	 */
	record CsvFile(String name, Function<Department, String> url, String links,
			Function<Department, Predicate<List<String>>> rowOf,
			Function<Department, List<String>> figures, String tooFew, boolean strategistSees) {

		@Override
		public String toString() {
			return name;
		}

	}

	static final List<Page> PAGES = List.of(
			new Page("dashboard", d -> "/adoption/dashboard?department=" + d.id(), d -> "#reach-table tbody",
					"too few to show", d -> List.of(d.percent() + "% (" + READERS + " of " + d.people() + ")"), false),
			new Page("department's adoption page", d -> "/adoption/departments/" + d.id(),
					d -> "section[aria-labelledby=reach-heading]", "Too few people to show",
					d -> List.of(READERS + " of " + d.people() + " people read a case study"), false),
			new Page("printable report", d -> "/adoption/report?department=" + d.id(), d -> "#figure-reach",
					"too few to show", d -> List.of(d.percent() + "% (" + READERS + " of " + d.people() + ")"), false),
			new Page("readiness page", d -> "/playbook/departments/" + d.id(), d -> "main", "fewer than 5 people",
					d -> List.of(READINESS + " / 100", d.percent() + " % of its " + d.people() + " staff",
							"(" + READERS + " readers)", "25 of 25", HELPFUL + " helpful marks", "10 of 10"),
					true),
			new Page("comparison", d -> "/playbook", d -> "tr.department-row[data-department=" + d.id() + "]",
					"hidden: fewer than 5 people", d -> List.of(String.valueOf(READINESS), d.percent() + " %"), true),
			new Page("manager's home", d -> "/", d -> "#my-department", "hidden: fewer than 5 people",
					d -> List.of("Readiness " + READINESS + " of 100", READINESS + " of 100",
							d.percent() + " % of its people on record"),
					false));

	static final List<CsvFile> FILES = List.of(
			new CsvFile("dashboard exports", d -> "/adoption/dashboard?department=" + d.id(),
					"a[href*=/adoption/dashboard/export.csv]", d -> row -> true,
					d -> List.of(String.valueOf(READERS), String.valueOf(d.percent())), "too few to show", false),
			new CsvFile("comparison export", d -> "/playbook/export.csv", null, d -> row -> row.get(0).equals(d.name()),
					d -> List.of(String.valueOf(READINESS), String.valueOf(d.percent())), "hidden (too few people)",
					true));

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	DepartmentService departments;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	Readings readings;

	@Autowired
	PersonErasure erasure;

	static Stream<Arguments> pages() {
		return PAGES.stream().flatMap(page -> Stream.of(Size.values()).map(size -> Arguments.of(page, size)));
	}

	static Stream<Arguments> files() {
		return FILES.stream().flatMap(file -> Stream.of(Size.values()).map(size -> Arguments.of(file, size)));
	}

	@ParameterizedTest(name = "{0}, {1}")
	@MethodSource("pages")
	void a_manager_sees_reading_figures_on_a_page_only_from_five_people(Page page, Size size) throws Exception {
		Department department = department(size);

		assertPage(page, department, manager(department), size.below());
	}

	@ParameterizedTest(name = "{0}, {1}")
	@MethodSource("files")
	void a_manager_finds_reading_figures_in_a_file_only_from_five_people(CsvFile file, Size size) throws Exception {
		Department department = department(size);

		assertFile(file, department, manager(department), size.below());
	}

	@Test
	void the_strategist_sees_reading_figures_below_five_people_on_the_playbooks_pages_and_file() throws Exception {
		Department department = department(Size.FOUR);
		RequestPostProcessor strategist = data.as(Role.STRATEGIST);

		for (Page page : PAGES) {
			if (page.strategistSees()) {
				assertPage(page, department, strategist, false);
			}
		}
		for (CsvFile file : FILES) {
			if (file.strategistSees()) {
				assertFile(file, department, strategist, false);
			}
		}
	}

	/**
	 * Below the floor the department's part of the page says why and holds none of its figures,
	 * nor does the rest of the page; from the floor on, the part holds every one of them.
	 */
	private void assertPage(Page page, Department department, RequestPostProcessor viewer, boolean hidden)
			throws Exception {
		Document doc = Jsoup.parse(body(page.url().apply(department), viewer));
		String section = plain(doc.select(page.section().apply(department)).text());
		String whole = plain(doc.text());
		List<String> figures = page.figures().apply(department);
		if (hidden) {
			assertThat(section).as(page.name()).contains(page.tooFew());
			for (String figure : figures) {
				assertThat(holds(section, figure)).as("%s: %s in %s", page.name(), figure, section).isFalse();
			}
			// The figures written out as sentences can only be the department's, wherever they are.
			assertThat(figures.stream().filter(f -> f.length() > SENTENCE).filter(f -> holds(whole, f)))
				.as("%s, anywhere on the page", page.name()).isEmpty();
		}
		else {
			assertThat(figures).as("%s: %s", page.name(), section).allMatch(figure -> holds(section, figure));
			assertThat(section).as(page.name()).doesNotContain(page.tooFew());
		}
	}

	/**
	 * Below the floor no row about the department has a cell with one of its figures, and one says
	 * why; from the floor on, its rows hold every figure.
	 */
	private void assertFile(CsvFile file, Department department, RequestPostProcessor viewer, boolean hidden)
			throws Exception {
		List<List<String>> rows = new ArrayList<>();
		for (String url : urls(file, department, viewer)) {
			rows.addAll(csvRows(url, viewer).stream().filter(file.rowOf().apply(department)).toList());
		}
		assertThat(rows).as(file.name()).isNotEmpty();
		List<String> cells = rows.stream().flatMap(List::stream).toList();
		List<String> figures = file.figures().apply(department);
		if (hidden) {
			assertThat(cells).as(file.name()).contains(file.tooFew()).doesNotContainAnyElementsOf(figures);
		}
		else {
			assertThat(cells).as(file.name()).containsAll(figures).doesNotContain(file.tooFew());
		}
	}

	/** The file's address, or every export the page links to (the reach one among them). */
	private List<String> urls(CsvFile file, Department department, RequestPostProcessor viewer) throws Exception {
		String url = file.url().apply(department);
		if (file.links() == null) {
			return List.of(url);
		}
		List<String> links = Jsoup.parse(body(url, viewer)).select(file.links()).eachAttr("href");
		assertThat(links).as(file.name()).anyMatch(link -> link.contains("table=REACH"));
		return links.stream().distinct().toList();
	}

	/** The file's rows after its title and header, each as its cells. */
	private List<List<String>> csvRows(String url, RequestPostProcessor viewer) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		String csv = body(url, viewer).replace("\uFEFF", "");
		for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(csv))) {
			rows.add(record.toList());
		}
		return rows.subList(Math.min(2, rows.size()), rows.size());
	}

	private String body(String url, RequestPostProcessor viewer) throws Exception {
		return mvc.perform(get(url).with(viewer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** Whether the text holds the figure as a whole: not as a piece of a longer number. */
	private static boolean holds(String text, String figure) {
		return Pattern.compile("(?<![0-9])" + Pattern.quote(figure) + "(?![0-9])").matcher(text).find();
	}

	private static String plain(String text) {
		return text.replace('\u00a0', ' ');
	}

	private RequestPostProcessor manager(Department department) {
		return user(data.user(department.managerEmail()));
	}

	/**
	 * A department of {@code size} people with no headcount, its manager one of them; three of the
	 * others read a case study today and two of those marked it helpful; former members read nothing.
	 */
	private Department department(Size size) {
		String name = TestData.unique("Floor Department");
		DepartmentForm form = new DepartmentForm();
		form.setName(name);
		long id = departments.create(form);
		String manager = data.account(Role.MANAGER, id);
		long strategist = data.person(null);
		for (int i = 0; i < size.former; i++) {
			String former = TestData.unique("Former Member");
			erasure.erase(data.person(former, id), former, strategist);
		}
		long caseStudy = caseStudies.published(TestData.unique("Floor Reading"));
		Instant now = TestClock.now().minusSeconds(5);
		for (int i = 1; i < size.people; i++) {
			long person = data.person(id);
			if (i <= READERS) {
				assertThat(readings.record(caseStudy, person, id, now)).isTrue();
			}
			if (i <= HELPFUL) {
				readings.markHelpful(caseStudy, person, id, true, now);
			}
		}
		return new Department(id, name, size.people, manager);
	}

}
