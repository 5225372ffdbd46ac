package org.waterhole;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.champion.ChampionsData;
import org.waterhole.experiment.ExperimentService;
import org.waterhole.experiment.ExperimentsData;
import org.waterhole.experiment.MeasurementForm;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.support.HtmlForms.Target;
import org.waterhole.support.HtmlForms;
import org.waterhole.support.Statements;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The history of case studies, experiments (with their measurements), champions, departments,
 * people and accounts, as the strategist reads it: a strategist changes a record through its real
 * form, and the record's history page names them, says when, and shows each changed field's old
 * and new value, newest first, down to the record's creation, which the system made (the test's
 * data is made outside any request). Who else may open the pages is RouteAccessTests' part.
 */
@WaterholeTest
class HistoryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	ExperimentsData experiments;

	@Autowired
	ChampionsData champions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CacheManager caches;

	WaterholeUser strategist;

	RequestPostProcessor asStrategist;

	@BeforeEach
	void signIn() {
		strategist = (WaterholeUser) data.user(Role.STRATEGIST);
		asStrategist = user(strategist);
	}

	@Test
	void a_case_study_edit_shows_who_when_and_each_changed_field_and_only_the_changed_part_of_the_body()
			throws Exception {
		String title = TestData.unique("Open days on video");
		String body = "## Context\n\n" + "The admissions team filmed every open day. ".repeat(250)
				+ "\n\nIt worked.";
		long id = caseStudies.draft(title, form -> {
			form.setBody(body);
			form.setTags("video, events");
		});
		Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		submit("/library/" + id + "/edit", "/library/" + id, Map.of("title", List.of(title + " (revised)"), "tags",
				List.of("video, recruitment"), "body", List.of(body.replace("It worked.", "It worked twice."))));

		List<Entry> history = history("/library/" + id + "/history");
		assertThat(history).hasSize(2);
		Entry edit = history.get(0);
		assertThat(edit.author()).isEqualTo(strategist.getDisplayName() + " " + strategist.getEmail());
		assertThat(edit.at()).isBetween(before, Instant.now().plusSeconds(1));
		assertThat(edit.headings()).containsExactly("Changed");
		assertThat(edit.fields()).containsEntry("Title", "was " + title + " → now " + title + " (revised)")
			.containsEntry("Tags", "added: recruitment removed: events");
		String bodyChange = edit.fields().get("Text");
		assertThat(bodyChange).contains("It worked.", "It worked twice.", "Only the part that changed is shown")
			.hasSizeLessThan(600);
		assertThat(edit.fields()).doesNotContainKeys("Summary", "Source", "Kind of evidence");

		Entry creation = history.get(1);
		assertThat(creation.author()).isEqualTo("System");
		assertThat(creation.headings()).containsExactly("Created");
		assertThat(creation.fields()).containsEntry("Title", title)
			.containsEntry("Status", "Draft")
			.containsEntry("Platforms", "added: LinkedIn")
			.containsEntry("Tags", "added: events, video");
		assertThat(creation.fields().get("Text")).startsWith("## Context")
			.endsWith("… Only the beginning is shown.")
			.hasSizeLessThan(400);
	}

	@Test
	void publishing_and_archiving_are_changes_of_status_by_whoever_did_them() throws Exception {
		long id = caseStudies.draft(TestData.unique("Status changes"), form -> {
		});
		mvc.perform(post("/library/{id}/publish", id).param("version", "0").with(csrf()).with(asStrategist))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/library/{id}/archive", id).param("version", "1").with(csrf()).with(asStrategist))
			.andExpect(status().is3xxRedirection());

		List<Entry> history = history("/library/" + id + "/history");
		assertThat(history).extracting(Entry::headings)
			.containsExactly(List.of("Changed"), List.of("Changed"), List.of("Created"));
		assertThat(history.get(0).fields()).containsExactly(Map.entry("Status", "was Published → now Archived"));
		assertThat(history.get(1).fields()).containsEntry("Status", "was Draft → now Published")
			.containsKey("In the library since");
		assertThat(history.get(1).author()).startsWith(strategist.getDisplayName());
	}

	@Test
	void an_experiments_history_includes_its_measurements_added_edited_and_deleted() throws Exception {
		long id = experiments.running(TestData.unique("Reels at noon"), TestClock.today().minusDays(10));
		LocalDate first = TestClock.today().minusDays(5);
		LocalDate second = TestClock.today().minusDays(2);
		addMeasurement(id, first, "12");
		addMeasurement(id, second, "15");
		long firstId = measurementId(id, first);
		mvc.perform(post("/experiments/{id}/measurements/{m}", id, firstId).param("measuredOn", first.toString())
			.param("value", "13.5")
			.param("note", "recounted")
			.param("version", "0")
			.with(csrf())
			.with(asStrategist)).andExpect(status().is3xxRedirection());
		long secondId = measurementId(id, second);
		mvc.perform(post("/experiments/{id}/measurements/{m}/delete", id, secondId).param("version", "0")
			.with(csrf())
			.with(asStrategist)).andExpect(status().is3xxRedirection());
		submit("/experiments/" + id + "/edit", "/experiments/" + id, Map.of("impact", List.of("9")));

		List<Entry> history = history("/experiments/" + id + "/history");
		String day1 = "Measurement of " + shortDate(first);
		String day2 = "Measurement of " + shortDate(second);
		assertThat(history).extracting(Entry::headings)
			.containsExactly(List.of("Changed"), List.of("Deleted " + day2), List.of("Changed " + day1),
					List.of("Created " + day2), List.of("Created " + day1), List.of("Changed"), List.of("Changed"),
					List.of("Created"));
		assertThat(history.get(0).fields()).containsExactly(Map.entry("Impact", "was 5 → now 9"));
		assertThat(history.get(1).fields()).containsEntry("Value", "15");
		assertThat(history.get(2).fields()).containsExactly(Map.entry("Value", "was 12 → now 13.5"),
				Map.entry("Note", "was (empty) → now recounted"));
		assertThat(history.get(4).fields()).containsEntry("Value", "12");
		assertThat(history.get(5).fields()).containsEntry("Status", "was Planned → now Running")
			.containsEntry("Started on", "was (empty) → now " + shortDate(TestClock.today().minusDays(10)));
		assertThat(history.get(6).fields()).containsEntry("Status", "was Idea → now Planned")
			.containsEntry("Planned start", "was (empty) → now " + shortDate(TestClock.today()))
			.containsKey("Planned end");
		assertThat(history.subList(0, 5))
			.allSatisfy(entry -> assertThat(entry.author()).startsWith(strategist.getDisplayName()));
		assertThat(history.subList(5, 8)).allSatisfy(entry -> assertThat(entry.author()).isEqualTo("System"));
	}

	@Test
	void a_champions_history_shows_status_skills_and_pitch() throws Exception {
		long champion = champions.champion(data.person(data.department()));
		submit("/champions/" + champion + "/edit", "/champions/" + champion,
				Map.of("status", List.of("PAUSED"), "skills", List.of("video, captions"), "pitch",
						List.of("Ask me about captions.")));

		List<Entry> history = history("/champions/" + champion + "/history");
		assertThat(history).hasSize(2);
		assertThat(history.get(0).author()).startsWith(strategist.getDisplayName());
		assertThat(history.get(0).fields()).containsEntry("Status", "was Active → now Paused")
			.containsEntry("Skills", "added: captions")
			.containsEntry("In their words: why social media, and how they can help",
					"was I can help. → now Ask me about captions.");
		assertThat(history.get(1).headings()).containsExactly("Created");
	}

	@Test
	void departments_people_and_accounts_keep_their_history_and_an_account_never_shows_its_password() throws Exception {
		String from = TestData.unique("Old Department");
		String to = TestData.unique("New Department");
		long department = data.department(from);
		long other = data.department(to);
		submit("/departments/" + department + "/edit", "/departments/" + department,
				Map.of("headcount", List.of("42"), "description", List.of("Where the archives are.")));
		assertThat(history("/departments/" + department + "/history").get(0).fields())
			.containsExactly(Map.entry("Description", "was (empty) → now Where the archives are."),
					Map.entry("Headcount", "was 10 → now 42"));

		String email = data.account(Role.STAFF);
		WaterholeUser staff = (WaterholeUser) data.user(email);
		long person = staff.getPersonId();
		String was = jdbc.sql("select name from department where id = :id")
			.param("id", staff.getDepartmentId())
			.query(String.class)
			.single();
		submit("/people/" + person + "/edit", "/people/" + person,
				Map.of("departmentId", List.of(String.valueOf(other)), "jobTitle", List.of("Archivist")));
		Entry personChange = history("/people/" + person + "/history").get(0);
		assertThat(personChange.author()).startsWith(strategist.getDisplayName());
		assertThat(personChange.fields()).containsExactly(Map.entry("Job title", "was (empty) → now Archivist"),
				Map.entry("Department", "was " + was + " → now " + to));

		long account = staff.getAccountId();
		submit("/accounts/" + account + "/edit", "/accounts/" + account, Map.of("role", List.of("MANAGER")));
		submit("/accounts/" + account + "/edit", "/accounts/" + account + "/password",
				Map.of("newPassword", List.of("a brand new passphrase"), "confirmation", List.of("a brand new passphrase")));
		String page = page("/accounts/" + account + "/history");
		List<Entry> history = entries(page);
		assertThat(history).extracting(Entry::headings).containsExactly(List.of("Changed"), List.of("Created"));
		assertThat(history.get(0).fields()).containsExactly(Map.entry("Role", "was Staff → now Manager"));
		assertThat(history.get(1).fields()).containsEntry("Person", staff.getDisplayName())
			.containsEntry("Role", "Staff")
			.containsEntry("Enabled", "Yes");
		String hash = jdbc.sql("select password_hash from account where id = :id").param("id", account)
			.query(String.class)
			.single();
		assertThat(page).doesNotContain(hash).doesNotContain("$2a$");
		assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name = 'account_aud' and column_name like '%password%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void a_record_from_before_the_history_says_so_and_its_first_change_has_no_earlier_values() throws Exception {
		long id = jdbc.sql("select nextval('department_seq')").query(Long.class).single();
		String name = TestData.unique("Loaded in bulk");
		jdbc.sql("insert into department (id, name, headcount, created_at, updated_at) values (:id, :name, 3, :at, :at)")
			.param("id", id)
			.param("name", name)
			.param("at", TestClock.now().atOffset(ZoneOffset.UTC))
			.update();
		Document empty = Jsoup.parse(page("/departments/" + id + "/history"));
		assertThat(empty.select("ol.history li")).isEmpty();
		assertThat(empty.select("main").text()).contains("No change is on record: this record was made before");

		submit("/departments/" + id + "/edit", "/departments/" + id, Map.of("headcount", List.of("4")));
		Document first = Jsoup.parse(page("/departments/" + id + "/history"));
		assertThat(entries(first.outerHtml())).singleElement().satisfies(entry -> {
			assertThat(entry.headings()).containsExactly("Changed");
			assertThat(entry.fields()).isEmpty();
		});
		assertThat(first.select("main").text()).contains("what it was before isn’t known",
				"This record is older than its history");

		submit("/departments/" + id + "/edit", "/departments/" + id, Map.of("headcount", List.of("5")));
		assertThat(history("/departments/" + id + "/history").get(0).fields())
			.containsExactly(Map.entry("Headcount", "was 4 → now 5"));
	}

	@Test
	void a_long_history_comes_in_pages_of_twenty_newest_first() throws Exception {
		long id = data.department();
		for (int headcount = 11; headcount <= 35; headcount++) {
			submit("/departments/" + id + "/edit", "/departments/" + id,
					Map.of("headcount", List.of(String.valueOf(headcount))));
		}
		Document newest = Jsoup.parse(page("/departments/" + id + "/history"));
		List<Entry> first = entries(newest.outerHtml());
		assertThat(first).hasSize(20);
		assertThat(first.get(0).fields()).containsExactly(Map.entry("Headcount", "was 34 → now 35"));
		assertThat(first.get(19).fields()).containsExactly(Map.entry("Headcount", "was 15 → now 16"));
		Element older = newest.selectFirst("main nav a:containsOwn(Older changes)");
		assertThat(older).isNotNull();

		Document rest = Jsoup.parse(page(older.attr("href")));
		List<Entry> second = entries(rest.outerHtml());
		assertThat(second).hasSize(6);
		assertThat(second.get(0).fields()).containsExactly(Map.entry("Headcount", "was 14 → now 15"));
		assertThat(second.get(5).headings()).containsExactly("Created");
		assertThat(rest.selectFirst("main nav a:containsOwn(Older changes)")).isNull();
		assertThat(rest.selectFirst("main nav a:containsOwn(Newest changes)").attr("href"))
			.isEqualTo("/departments/" + id + "/history");
	}

	@Test
	void unknown_records_are_not_found_and_nonsense_is_a_bad_request() throws Exception {
		for (String path : List.of("/library/%d/history", "/experiments/%d/history", "/champions/%d/history",
				"/departments/%d/history", "/people/%d/history", "/accounts/%d/history")) {
			mvc.perform(get(path.formatted(Long.MAX_VALUE)).with(asStrategist)).andExpect(status().isNotFound());
			mvc.perform(get(path.replace("%d", "abc")).with(asStrategist)).andExpect(status().isBadRequest());
		}
		long id = data.department();
		mvc.perform(get("/departments/{id}/history", id).param("before", "soon").with(asStrategist))
			.andExpect(status().isBadRequest());
		assertThat(Jsoup.parse(page("/departments/" + id + "/history?before=-5")).select("main").text())
			.contains("There are no older changes.");
	}

	@Test
	void values_are_escaped() throws Exception {
		long id = data.department();
		submit("/departments/" + id + "/edit", "/departments/" + id,
				Map.of("description", List.of("<script>alert(1)</script><b>bold</b>")));
		String page = page("/departments/" + id + "/history");
		assertThat(page).doesNotContain("<script>alert(1)", "<b>bold")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;");
	}

	@Test
	void every_record_links_its_history_for_the_strategist_only() throws Exception {
		long department = data.department();
		long caseStudy = caseStudies.published(TestData.unique("Linked history"));
		long experiment = experiments.idea(TestData.unique("Linked history"));
		long champion = champions.champion(data.person(department));
		for (String record : List.of("/departments/" + department, "/library/" + caseStudy,
				"/experiments/" + experiment, "/champions/" + champion)) {
			assertThat(Jsoup.parse(page(record)).select("a[href=" + record + "/history]")).as(record).hasSize(1);
			String staffPage = mvc.perform(get(record).with(data.as(Role.STAFF)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(Jsoup.parse(staffPage).select("a[href=" + record + "/history]")).as(record).isEmpty();
		}
		String email = data.account(Role.STAFF);
		WaterholeUser staff = (WaterholeUser) data.user(email);
		assertThat(Jsoup.parse(page("/people/" + staff.getPersonId() + "/edit"))
			.select("a[href=/people/" + staff.getPersonId() + "/history]")).hasSize(1);
		assertThat(Jsoup.parse(page("/accounts/" + staff.getAccountId() + "/edit"))
			.select("a[href=/accounts/" + staff.getAccountId() + "/history]")).hasSize(1);
	}

	@Test
	void an_experiments_history_page_costs_a_few_statements_however_long_its_history_grows() throws Exception {
		int small = Statements.ofPage(mvc, caches, "/experiments/" + measuredAndCorrected(3) + "/history", asStrategist);
		int large = Statements.ofPage(mvc, caches, "/experiments/" + measuredAndCorrected(30) + "/history", asStrategist);
		int larger = Statements.ofPage(mvc, caches, "/experiments/" + measuredAndCorrected(60) + "/history", asStrategist);
		assertThat(List.of(small, large, larger)).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(12));
		// Once the page is full, the earlier values of the measurements on it take one query more.
		assertThat(large).isLessThanOrEqualTo(small + 1);
		assertThat(larger).isEqualTo(large);
	}

	/** A running experiment with {@code count} measurements, each corrected once, and its title changed. */
	private long measuredAndCorrected(int count) throws Exception {
		long id = experiments.running(TestData.unique("Measured"), TestClock.today().minusDays(100));
		ExperimentService service = experiments.service();
		for (int i = 0; i < count; i++) {
			MeasurementForm form = new MeasurementForm();
			form.setMeasuredOn(TestClock.today().minusDays(i));
			form.setValue(BigDecimal.valueOf(i));
			service.addMeasurement(id, form);
		}
		for (var measurement : service.view(id).measurements()) {
			MeasurementForm form = new MeasurementForm();
			form.setMeasuredOn(measurement.measuredOn());
			form.setValue(measurement.value().add(BigDecimal.ONE));
			form.setVersion(measurement.version());
			service.updateMeasurement(id, measurement.id(), form);
		}
		submit("/experiments/" + id + "/edit", "/experiments/" + id, Map.of("title", List.of(TestData.unique("Renamed"))));
		return id;
	}

	/** An entry of a history page: who, when, its headings ("Changed", "Deleted Measurement of …") and fields. */
	record Entry(String author, Instant at, List<String> headings, Map<String, String> fields) {
	}

	private List<Entry> history(String path) throws Exception {
		return entries(page(path));
	}

	private static List<Entry> entries(String html) {
		List<Entry> entries = new ArrayList<>();
		for (Element item : Jsoup.parse(html).select("ol.history > li")) {
			Element who = item.selectFirst("p");
			String author = String.join(" ", who.select("strong, .history-email").eachText());
			Instant at = OffsetDateTime.parse(who.selectFirst("time").attr("datetime")).toInstant();
			List<String> headings = item.select("h2").eachText();
			Map<String, String> fields = new java.util.LinkedHashMap<>();
			for (Element term : item.select("dt")) {
				fields.put(term.text(), term.nextElementSibling().text());
			}
			entries.add(new Entry(author, at, headings, fields));
		}
		return entries;
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(asStrategist))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * Opens {@code page} as the strategist, fills in the form that goes to {@code action} as a
	 * browser would, with {@code changes} instead of what the page filled in, and sends it.
	 */
	private void submit(String page, String action, Map<String, List<String>> changes) throws Exception {
		Target target = HtmlForms.of(page, Jsoup.parse(page(page)))
			.stream()
			.filter(candidate -> candidate.method().equals("POST") && candidate.action().equals(action)
					&& candidate.button() == null)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no form to " + action + " on " + page));
		MockHttpServletRequestBuilder request = post(action).with(csrf()).with(asStrategist);
		for (Map.Entry<String, String> field : target.filledIn()) {
			if (!changes.containsKey(field.getKey())) {
				request.param(field.getKey(), field.getValue());
			}
		}
		changes.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
		var answer = mvc.perform(request).andReturn().getResponse();
		assertThat(answer.getStatus()).as("%s: %s", action,
				Jsoup.parse(answer.getContentAsString()).select(".invalid-feedback, .alert").eachText())
			.isEqualTo(302);
	}

	private void addMeasurement(long experiment, LocalDate on, String value) throws Exception {
		mvc.perform(post("/experiments/{id}/measurements", experiment).param("measuredOn", on.toString())
			.param("value", value)
			.with(csrf())
			.with(asStrategist)).andExpect(status().is3xxRedirection());
	}

	private long measurementId(long experiment, LocalDate on) {
		return experiments.service()
			.view(experiment)
			.measurements()
			.stream()
			.filter(m -> m.measuredOn().equals(on))
			.findFirst()
			.orElseThrow()
			.id();
	}

	private static String shortDate(LocalDate date) {
		return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
			.withLocale(java.util.Locale.ENGLISH)
			.format(date);
	}

}
