package org.waterhole.casestudy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WaterholeTest
@RecordApplicationEvents
class LibraryPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	CaseStudyService service;

	@Autowired
	Readings readings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Markdown markdown;

	static final String HOSTILE = """
			## Hello

			[click me](javascript:alert(1)) and <JAVASCRIPT:alert(5)>

			<script>alert('x')</script>
			<img src="x" onerror="alert(1)">
			<a href="javascript:alert(2)" onclick="alert(3)">link</a>
			<iframe src="https://example.org/evil"></iframe>
			<div style="position:fixed" onmouseover="alert(4)">hover</div>
			<form action="/steal"><input name="x"></form>

			[a fine link](https://example.org/ok) and **bold** text.
			""";

	@Test
	void markdown_renders_without_anything_active() {
		String html = markdown.toHtml(HOSTILE);
		assertThat(html).contains("<h2>Hello</h2>", "<strong>bold</strong>", "href=\"https://example.org/ok\"")
			.contains("click me")
			.doesNotContainIgnoringCase("href=\"javascript:")
			.doesNotContain("<script", "onerror", "onclick", "onmouseover", "<iframe", "<form", "style=", "<input");
	}

	@Test
	void the_reading_page_shows_a_hostile_body_inert() throws Exception {
		long id = caseStudies.published(TestData.unique("Hostile body"), f -> f.setBody(HOSTILE));
		String html = mvc.perform(get("/library/{id}", id).with(data.as(Role.STAFF)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		var body = page.selectFirst(".case-study-body");
		assertThat(body).isNotNull();
		assertThat(body.select("script, iframe, form, input, [onerror], [onclick], [onmouseover], [style]")).isEmpty();
		assertThat(body.select("a").eachAttr("href")).containsExactly("https://example.org/ok");
		assertThat(body.html()).doesNotContainIgnoringCase("href=\"javascript:");
	}

	@Test
	void the_reading_page_shows_source_evidence_and_findings() throws Exception {
		long id = caseStudies.published(TestData.unique("Credible"), f -> {
			f.setSourceName("Campus Social Review (fictional)");
			f.setKeyFindings("- First finding\n* Second finding\n\n");
			f.setEvidenceType(EvidenceType.RESEARCH_STUDY);
		});
		Document page = Jsoup.parse(mvc.perform(get("/library/{id}", id).with(data.as(Role.STAFF)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select(".credibility .evidence-badge").text()).isEqualTo("Research study");
		assertThat(page.select(".credibility .source-name a").attr("href")).isEqualTo("https://example.org/test");
		assertThat(page.select(".credibility .source-name a").attr("rel")).contains("noopener");
		assertThat(page.select(".key-findings li").eachText()).containsExactly("First finding", "Second finding");
	}

	@Test
	void a_reading_counts_once_within_thirty_minutes() {
		long id = caseStudies.published(TestData.unique("Read twice"));
		long person = data.person(null);
		Instant t0 = Instant.parse("2026-01-10T09:00:00Z");
		assertThat(readings.record(id, person, null, t0)).isTrue();
		assertThat(readings.record(id, person, null, t0.plus(Duration.ofMinutes(10)))).isFalse();
		assertThat(readings.record(id, person, null, t0.plus(Duration.ofMinutes(29)))).isFalse();
		assertThat(readings.record(id, person, null, t0.plus(Duration.ofMinutes(30)))).isTrue();
		assertThat(readings.record(id, data.person(null), null, t0.plus(Duration.ofMinutes(31)))).isTrue();
		assertThat(readingsOf(id)).isEqualTo(3);
	}

	@Test
	void opening_the_page_records_a_reading_but_reloading_does_not_and_drafts_never_do() throws Exception {
		long id = caseStudies.published(TestData.unique("Opened"));
		RequestPostProcessor staff = data.as(Role.STAFF);
		mvc.perform(get("/library/{id}", id).with(staff)).andExpect(status().isOk());
		mvc.perform(get("/library/{id}", id).with(staff)).andExpect(status().isOk());
		assertThat(readingsOf(id)).isEqualTo(1);

		long draft = caseStudies.draft(TestData.unique("Draft read"), f -> {
		});
		mvc.perform(get("/library/{id}", draft).with(data.as(Role.STRATEGIST))).andExpect(status().isOk());
		assertThat(readingsOf(draft)).isZero();
	}

	@Test
	void helpful_marks_are_one_per_person_and_can_be_taken_back() throws Exception {
		long id = caseStudies.published(TestData.unique("Helpful"));
		String version = rowVersion(id);
		WaterholeUser staff = (WaterholeUser) data.user(Role.STAFF);
		mvc.perform(post("/library/{id}/helpful", id).param("helpful", "true").with(csrf()).with(user(staff)))
			.andExpect(redirectedUrl("/library/" + id + "#helpful"));
		mvc.perform(post("/library/{id}/helpful", id).param("helpful", "true").with(csrf()).with(user(staff)));
		assertThat(helpfulCount(id)).isEqualTo(1);

		WaterholeUser other = (WaterholeUser) data.user(Role.MANAGER);
		mvc.perform(post("/library/{id}/helpful", id).param("helpful", "true")
			.header("HX-Request", "true")
			.with(csrf())
			.with(user(other)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 people found it helpful")))
			.andExpect(content().string(containsString("aria-pressed=\"true\"")))
			.andExpect(content().string(not(containsString("<html"))));

		mvc.perform(post("/library/{id}/helpful", id).param("helpful", "false").with(csrf()).with(user(staff)));
		assertThat(helpfulCount(id)).isEqualTo(1);
		assertThat(readings.isHelpfulFor(id, staff.getPersonId())).isFalse();
		assertThat(readings.isHelpfulFor(id, other.getPersonId())).isTrue();
		// Marks are counted apart: the case study (its text and search columns) is not written again.
		assertThat(rowVersion(id)).isEqualTo(version);
	}

	/** The transaction that wrote the case study's row last (PostgreSQL's xmin). */
	private String rowVersion(long id) {
		return jdbc.sql("select cast(xmin as text) from case_study where id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void drafts_cannot_be_marked_helpful() throws Exception {
		long draft = caseStudies.draft(TestData.unique("Not yet"), f -> {
		});
		mvc.perform(post("/library/{id}/helpful", draft).param("helpful", "true").with(csrf()).with(data.as(Role.STAFF)))
			.andExpect(status().isNotFound());
	}

	@Test
	void the_strategist_writes_previews_and_publishes_and_publishing_announces_it(ApplicationEvents events)
			throws Exception {
		String title = TestData.unique("Written in the browser");
		long department = data.department();
		mvc.perform(newCaseStudy(title, department).param("preview", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<strong>bold</strong>")));

		var created = mvc.perform(newCaseStudy(title, department)).andExpect(status().is3xxRedirection()).andReturn();
		long id = Long.parseLong(created.getResponse().getRedirectedUrl().replace("/library/", ""));
		CaseStudyForm saved = service.form(id);
		assertThat(saved.getTags()).isEqualTo("open-days, video");
		assertThat(service.status(id)).isEqualTo(CaseStudyStatus.DRAFT);
		assertThat(events.stream(CaseStudyPublished.class)).isEmpty();

		mvc.perform(post("/library/{id}/publish", id).param("version", String.valueOf(saved.getVersion()))
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(redirectedUrl("/library/" + id));
		assertThat(service.status(id)).isEqualTo(CaseStudyStatus.PUBLISHED);
		assertThat(events.stream(CaseStudyPublished.class)).singleElement().satisfies(event -> {
			assertThat(event.caseStudyId()).isEqualTo(id);
			assertThat(event.title()).isEqualTo(title);
			assertThat(event.departmentIds()).containsExactly(department);
		});

		// Archiving and restoring keeps it in the library without announcing it again.
		service.archive(id, service.form(id).getVersion());
		service.restore(id, service.form(id).getVersion());
		assertThat(service.status(id)).isEqualTo(CaseStudyStatus.PUBLISHED);
		assertThat(events.stream(CaseStudyPublished.class)).hasSize(1);
	}

	@Test
	void bad_input_comes_back_with_messages_and_the_text_kept() throws Exception {
		mvc.perform(post("/library").param("title", "")
			.param("summary", "Kept summary")
			.param("body", "Kept body text")
			.param("sourceName", "S")
			.param("sourceUrl", "javascript:alert(1)")
			.param("evidenceType", "RUMOUR")
			.param("platforms", "MYSPACE")
			.param("publishedOn", "31/02/2024")
			.param("tags", "x".repeat(41))
			.param("departmentIds", String.valueOf(Long.MAX_VALUE))
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "title", "sourceUrl", "evidenceType", "platforms",
					"publishedOn", "tags"))
			.andExpect(content().string(containsString("Kept body text")))
			.andExpect(content().string(containsString("Enter a web address that starts with http:// or https://.")));
	}

	@Test
	void dates_out_of_range_and_indexed_or_nested_parameters_are_refused_without_an_error_page() throws Exception {
		for (String date : new String[] { "-4713-01-01", "+5874898-01-01", "0000-06-01", "20250-01-01" }) {
			mvc.perform(post("/library").param("title", "T")
				.param("summary", "S")
				.param("body", "B")
				.param("sourceName", "N")
				.param("evidenceType", "NEWS_ARTICLE")
				.param("publishedOn", date)
				.param("reviewBy", date)
				.with(csrf())
				.with(data.as(Role.STRATEGIST)))
				.andExpect(status().isOk())
				.andExpect(model().attributeHasFieldErrors("form", "publishedOn", "reviewBy"));
		}
		mvc.perform(get("/library/search").param("tag[300]", "x").param("platform[0]", "X").param("a.b", "c")
			.with(data.as(Role.STAFF))).andExpect(status().isOk());
		mvc.perform(post("/library").param("platforms[0]", "X").param("departmentIds[0]", "1")
			.param("class.module", "x")
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(status().isOk());
	}

	@Test
	void a_stale_edit_comes_back_with_the_users_text_and_a_clear_message() throws Exception {
		long id = caseStudies.published(TestData.unique("Edited twice"));
		CaseStudyForm opened = service.form(id);
		CaseStudyForm other = service.form(id);
		other.setSummary("Someone else's summary");
		service.update(id, other);

		String page = mvc.perform(post("/library/{id}", id).param("title", opened.getTitle())
			.param("summary", "My careful new summary")
			.param("body", opened.getBody())
			.param("sourceName", opened.getSourceName())
			.param("evidenceType", opened.getEvidenceType().name())
			.param("platforms", opened.getPlatforms().stream().map(Enum::name).toArray(String[]::new))
			.param("keyFindings", Objects.toString(opened.getKeyFindings(), ""))
			.param("tags", Objects.toString(opened.getTags(), ""))
			.param("version", String.valueOf(opened.getVersion()))
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone else changed this in the meantime")))
			.andExpect(content().string(containsString("My careful new summary")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(service.form(id).getSummary()).isEqualTo("Someone else's summary");
		// What changed: the summary as saved now, under its label; the fields that agree aren't listed.
		Element changes = Jsoup.parse(page).selectFirst("dl.conflict-changes");
		assertThat(changes).isNotNull();
		assertThat(changes.select("dt").eachText()).contains("Summary").doesNotContain("Title", "Text", "Source");
		assertThat(changes.select("dt:contains(Summary) + dd").text()).isEqualTo("Someone else's summary");
		assertThat(Jsoup.parse(page).selectFirst("input[name=version]").val())
			.as("saving again replaces the summary knowingly")
			.isEqualTo(String.valueOf(service.form(id).getVersion()));
	}

	@Test
	void the_strategist_sees_readers_per_department() throws Exception {
		long department = data.department();
		long id = caseStudies.published(TestData.unique("Reach"),
				f -> f.setDepartmentIds(new java.util.LinkedHashSet<>(java.util.Set.of(department))));
		long elsewhere = data.department();
		Instant now = TestClock.now();
		long twice = data.person(department);
		readings.record(id, twice, department, now.minus(Duration.ofHours(2)));
		readings.record(id, twice, department, now);
		readings.record(id, data.person(department), department, now);
		// Someone who read from one department and, after moving, marked it helpful from another.
		long mover = data.person(department);
		readings.record(id, mover, department, now);
		readings.markHelpful(id, mover, elsewhere, true, now);

		var report = readings.reach(id, java.util.Set.of(department));
		assertThat(report.departments()).filteredOn(row -> department == row.departmentId()).singleElement()
			.satisfies(row -> {
				assertThat(row.readers()).isEqualTo(3);
				assertThat(row.readings()).isEqualTo(4);
				assertThat(row.helpful()).isZero();
				assertThat(row.relevant()).isTrue();
			});
		assertThat(report.departments()).filteredOn(row -> elsewhere == row.departmentId()).singleElement()
			.satisfies(row -> {
				assertThat(row.readers()).isZero();
				assertThat(row.helpful()).isEqualTo(1);
			});
		assertThat(report.readers()).isEqualTo(3);
		mvc.perform(get("/library/{id}/readers", id).with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("3 readers, 4 readings, 1 helpful marks in all.")));
	}

	@Test
	void staff_get_the_library_front_page_with_recommendations_for_their_department() throws Exception {
		String email = data.account(Role.STAFF);
		WaterholeUser staff = (WaterholeUser) data.user(email);
		String title = TestData.unique("For my department");
		caseStudies.published(title, f -> f.setDepartmentIds(
				new java.util.LinkedHashSet<>(java.util.Set.of(staff.getDepartmentId()))));
		mvc.perform(get("/library").with(user(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Recommended for")))
			.andExpect(content().string(containsString(title)));
	}

	@Test
	void the_review_list_shows_published_case_studies_past_their_review_date() throws Exception {
		String overdue = TestData.unique("Overdue");
		caseStudies.published(overdue, f -> f.setReviewBy(java.time.LocalDate.of(2020, 1, 1)));
		String fresh = TestData.unique("Fresh");
		caseStudies.published(fresh, f -> f.setReviewBy(java.time.LocalDate.of(2999, 1, 1)));
		mvc.perform(get("/library/review").param("size", "100").with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(overdue)))
			.andExpect(content().string(not(containsString(fresh))));
	}

	private MockHttpServletRequestBuilder newCaseStudy(String title, long department) {
		return post("/library").param("title", title)
			.param("summary", "Why it matters.")
			.param("body", "Some **bold** claim.")
			.param("sourceName", "Sample source")
			.param("evidenceType", "INTERNAL_RESULT")
			.param("platforms", "LINKEDIN", "INSTAGRAM")
			.param("tags", "Open Days, #Video, open days")
			.param("departmentIds", String.valueOf(department))
			.with(csrf())
			.with(data.as(Role.STRATEGIST));
	}

	private long readingsOf(long id) {
		return jdbc.sql("select count(*) from case_study_reading where case_study_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	private int helpfulCount(long id) {
		return jdbc.sql("select " + Readings.HELPFUL_COUNT + " from case_study cs where cs.id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	/**
	 * The form sends one field marker for its departments, whatever their number (the server
	 * refuses a request of more than a thousand parameters) and ticks the chosen ones.
	 */
	@Test
	void the_department_choices_send_one_marker_and_keep_what_was_chosen() throws Exception {
		long chosen = data.department();
		long other = data.department();
		long id = caseStudies.published(TestData.unique("Chosen departments"),
				form -> form.setDepartmentIds(new java.util.LinkedHashSet<>(java.util.List.of(chosen))));
		org.springframework.security.core.userdetails.UserDetails strategist = data.user(org.waterhole.organization.Role.STRATEGIST);

		org.jsoup.nodes.Document form = Jsoup.parse(mvc.perform(get("/library/{id}/edit", id).with(user(strategist)))
			.andReturn().getResponse().getContentAsString());

		assertThat(form.select("input[name=_departmentIds]")).hasSize(1);
		assertThat(form.select("input[type=checkbox][name=departmentIds]")).hasSizeGreaterThan(1);
		assertThat(form.selectFirst("input[name=departmentIds][value=" + chosen + "]").hasAttr("checked")).isTrue();
		assertThat(form.selectFirst("input[name=departmentIds][value=" + other + "]").hasAttr("checked")).isFalse();
		assertThat(form.selectFirst("label[for=departmentIds-" + chosen + "]")).isNotNull();
		assertThat(service.form(id).getDepartmentIds()).containsExactly(chosen);
	}

}
