package org.waterhole;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cache.CacheManager;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.waterhole.experiment.ExperimentForm;
import org.waterhole.experiment.ExperimentsData;
import org.waterhole.experiment.Outcome;
import org.waterhole.organization.PersonForm;
import org.waterhole.organization.PersonService;
import org.waterhole.organization.Role;
import org.waterhole.support.SpreadsheetFormulas;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every CSV export, found from the application's own request mappings (an address ending in
 * {@code .csv} or producing {@code text/csv}), downloaded through the links its pages give, by a
 * manager and by the strategist, over data whose every text holds a formula: no cell of any file
 * holds anything a spreadsheet would run. A new export fails here until a page below links it.
 */
@WaterholeTest
class CsvExportsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ExperimentsData experiments;

	@Autowired
	PersonService people;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CacheManager caches;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void no_export_lets_a_spreadsheet_run_what_a_user_typed() throws Exception {
		String word = "zx" + TestData.unique("").strip();
		List<Long> departments = hostileDepartments(word);
		hostileExperiments(word, departments);
		Set<String> routes = csvRoutes();
		assertThat(routes).as("the exports the README describes are found")
			.contains("/experiments/export.csv", "/adoption/dashboard/export.csv", "/playbook/export.csv");

		Set<String> links = exportLinks(word, departments);
		Map<String, List<String>> cellsByRoute = new LinkedHashMap<>();
		for (RequestPostProcessor who : List.of(data.as(Role.MANAGER), data.as(Role.STRATEGIST))) {
			for (String link : links) {
				List<String> cells = cellsByRoute.computeIfAbsent(URI.create(link).getPath(), path -> new ArrayList<>());
				for (CSVRecord record : download(link, who)) {
					for (String cell : record) {
						assertThat(SpreadsheetFormulas.runnable(cell))
							.as(link + " line " + record.getRecordNumber() + ": " + cell)
							.isEmpty();
						cells.add(cell);
					}
				}
			}
		}
		assertThat(cellsByRoute.keySet()).as("every CSV route is downloaded through a page's link")
			.containsAll(routes);
		cellsByRoute.forEach((route, cells) -> assertThat(cells).as(route + " shows the hostile text")
			.anyMatch(cell -> cell.contains(word)));
	}

	/** Every address of a handler that ends in .csv or produces text/csv. */
	private Set<String> csvRoutes() {
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			boolean producesCsv = info.getProducesCondition()
				.getProducibleMediaTypes()
				.stream()
				.anyMatch(type -> type.isCompatibleWith(MediaType.parseMediaType("text/csv")));
			info.getPatternValues()
				.stream()
				.filter(pattern -> producesCsv || pattern.endsWith(".csv"))
				.forEach(routes::add);
		}
		return routes;
	}

	/**
	 * Departments named with formulas where a spreadsheet finds them (at the start, after a comma
	 * or a semicolon), on record long enough to count as stalled, each with a person named so too.
	 */
	private List<Long> hostileDepartments(String word) {
		List<Long> ids = new ArrayList<>();
		for (String name : List.of("=HYPERLINK(\"http://evil\",\"x\") " + word, "+cmd|' /C calc'!A0 " + word,
				"@SUM(A1);-2+3 " + word, "Plain, =1+1 " + word)) {
			ids.add(data.department(name));
		}
		for (int i = 0; i < ids.size(); i++) {
			person("-owner" + i + ",=1+1 " + word, "owner" + i + "." + word + "@test.waterhole", ids.get(i));
		}
		jdbc.sql("update department set created_at = :since where id in (:ids)")
			.param("since", java.sql.Timestamp.from(TestClock.now().minus(Duration.ofDays(400))))
			.param("ids", ids)
			.update();
		caches.getCacheNames().forEach(name -> caches.getCache(name).clear());
		return ids;
	}

	private void person(String name, String email, long departmentId) {
		PersonForm form = new PersonForm();
		form.setName(name);
		form.setEmail(email);
		form.setJobTitle("=job " + name);
		form.setDepartmentId(departmentId);
		people.create(form);
	}

	/** An idea and a completed experiment per department, every text of them a formula. */
	private void hostileExperiments(String word, List<Long> departments) {
		for (int i = 0; i < departments.size(); i++) {
			long department = departments.get(i);
			String owner = "owner" + i + "." + word + "@test.waterhole";
			experiments.idea("=idea" + i + " " + word, form -> hostile(form, department, owner));
			long done = experiments.idea("-done" + i + ";@x " + word, form -> hostile(form, department, owner));
			experiments.service().plan(done, version(done), TestClock.today().minusDays(30), TestClock.today());
			experiments.service().start(done, version(done), TestClock.today().minusDays(30));
			experiments.service()
				.complete(done, version(done), Outcome.SUCCEEDED,
						"\tLearned,=1+1\r\n@then " + word, TestClock.today());
		}
	}

	private long version(long experiment) {
		return experiments.service().view(experiment).version();
	}

	private static void hostile(ExperimentForm form, long department, String owner) {
		form.setDepartmentId(department);
		form.setOwnerEmail(owner);
		form.setHypothesis("\rIf =1+1, then @SUM(A1); because -2");
		form.setMetricName("+metric; =2");
		form.setMetricUnit("@unit");
		form.setBaseline(new BigDecimal("0"));
	}

	/**
	 * The export links of the pages that offer them: the experiment list, the dashboard (for the
	 * organisation, and for three of the departments, which its files then name) and the
	 * comparison (also filtered by a name with a formula, which its file's title repeats).
	 */
	private Set<String> exportLinks(String word, List<Long> departments) throws Exception {
		String chosen = departments.stream().limit(3).map(id -> "department=" + id).collect(Collectors.joining("&"));
		List<String> pages = List.of("/experiments?q=" + word, "/adoption/dashboard?scope=organisation",
				"/adoption/dashboard?" + chosen, "/playbook",
				"/playbook?q=" + URLEncoder.encode("x,=1+1 " + word, StandardCharsets.UTF_8));
		RequestPostProcessor strategist = data.as(Role.STRATEGIST);
		Set<String> links = new LinkedHashSet<>();
		for (String page : pages) {
			MockHttpServletResponse response = mvc.perform(get(URI.create(page)).with(strategist)).andReturn().getResponse();
			assertThat(response.getStatus()).as(page).isEqualTo(200);
			Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8))
				.select("a[href]")
				.eachAttr("href")
				.stream()
				.filter(href -> URI.create(href).getPath().endsWith(".csv"))
				.forEach(links::add);
		}
		return links;
	}

	private List<CSVRecord> download(String link, RequestPostProcessor who) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(URI.create(link)).with(who)).andReturn().getResponse();
		assertThat(response.getStatus()).as(link).isEqualTo(200);
		assertThat(response.getContentType()).as(link).startsWith("text/csv");
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).as(link).startsWith("\uFEFF");
		return parse(body.substring(1));
	}

	private static List<CSVRecord> parse(String csv) throws IOException {
		return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
	}

}
