package org.waterhole.adoption;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.champion.ChampionStatus;
import org.waterhole.champion.ChampionsData;
import org.waterhole.experiment.ExperimentsData;
import org.waterhole.experiment.Outcome;
import org.waterhole.organization.PersonService;
import org.waterhole.organization.Role;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WaterholeTest
class AdoptionPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AdoptionLog log;

	@Autowired
	Timeline timeline;

	@Autowired
	PersonService people;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	ChampionsData champions;

	@Autowired
	ExperimentsData experiments;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void the_strategist_records_a_stage_change_from_the_stage_the_department_was_at() throws Exception {
		long department = data.department();
		LocalDate today = TestClock.today();
		String email = data.account(Role.STRATEGIST);
		mvc.perform(record(department, "STAGE_CHANGE", today.minusDays(20).toString()).param("toStage", "AWARE")
			.param("title", "Came to the talk")
			.with(user(data.user(email))))
			.andExpect(redirectedUrl("/adoption/departments/" + department));
		mvc.perform(record(department, "STAGE_CHANGE", today).param("toStage", "EXPERIMENTING")
			.param("title", "First experiment"))
			.andExpect(redirectedUrl("/adoption/departments/" + department));

		List<TimelineEntry> history = timeline.stageHistory(department);
		assertThat(history).extracting(TimelineEntry::fromStage).containsExactly(Stage.UNAWARE, Stage.AWARE);
		assertThat(history).extracting(TimelineEntry::toStage).containsExactly(Stage.AWARE, Stage.EXPERIMENTING);
		assertThat(timeline.stageOf(department, today)).isEqualTo(new Timeline.StageSince(Stage.EXPERIMENTING, today));
		assertThat(timeline.stageOf(department, today.minusDays(1)).stage()).isEqualTo(Stage.AWARE);
		assertThat(jdbc.sql("select recorded_by from adoption_event where id = :id")
			.param("id", history.get(0).id())
			.query(Long.class)
			.single()).isEqualTo(people.idByEmail(email).orElseThrow());

		String page = mvc.perform(get("/adoption/departments/{id}", department).with(data.as(Role.STAFF)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		org.jsoup.nodes.Document document = org.jsoup.Jsoup.parse(page);
		assertThat(document.select("main h1 + p .stage-badge").text()).isEqualTo("Experimenting");
		assertThat(document.select("#stage-table tbody tr")).hasSize(2);
	}

	@Test
	void a_stage_change_dated_before_the_latest_one_is_refused_so_the_history_stays_consistent() throws Exception {
		long department = data.department();
		LocalDate today = TestClock.today();
		mvc.perform(record(department, "STAGE_CHANGE", today.minusDays(5)).param("toStage", "INTERESTED")
			.param("title", "Interested"))
			.andExpect(redirectedUrl("/adoption/departments/" + department));
		expectRefused(record(department, "STAGE_CHANGE", today.minusDays(6)).param("toStage", "AWARE")
			.param("title", "Backdated"), "occurredOn")
			.andExpect(content().string(containsString("can’t be dated before the department’s latest one")));
		mvc.perform(record(department, "STAGE_CHANGE", today.minusDays(5)).param("toStage", "EXPERIMENTING")
			.param("title", "Same day, later"))
			.andExpect(redirectedUrl("/adoption/departments/" + department));
		assertThat(timeline.stageHistory(department)).extracting(TimelineEntry::fromStage)
			.containsExactly(Stage.UNAWARE, Stage.INTERESTED);
	}

	@Test
	void stage_changes_recorded_at_the_same_time_each_start_where_the_other_ended() throws Exception {
		long recorder = data.person(null);
		for (int round = 0; round < 8; round++) {
			long department = data.department();
			java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
			List<java.util.concurrent.Future<Long>> done = new java.util.ArrayList<>();
			for (Stage stage : List.of(Stage.AWARE, Stage.INTERESTED)) {
				done.add(pool.submit(() -> {
					go.await();
					RecordForm form = RecordForm.of(department, TestClock.today(), EventKind.STAGE_CHANGE, "Now " + stage);
					form.setToStage(stage);
					return log.record(form, recorder);
				}));
			}
			go.countDown();
			for (java.util.concurrent.Future<Long> future : done) {
				future.get();
			}
			pool.shutdown();
			List<TimelineEntry> history = timeline.stageHistory(department);
			assertThat(history).hasSize(2);
			assertThat(history.get(0).fromStage()).isEqualTo(Stage.UNAWARE);
			assertThat(history.get(1).fromStage()).as("round " + round).isEqualTo(history.get(0).toStage());
		}
	}

	@Test
	void the_record_form_offers_the_open_objections_of_the_chosen_department_only() throws Exception {
		long department = data.department();
		long other = data.department();
		objection(department, TestClock.today(), "“Ours”");
		objection(other, TestClock.today(), "“Theirs”");

		mvc.perform(get("/adoption/events/objections").param("departmentId", String.valueOf(department))
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ours")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Theirs"))));
		mvc.perform(get("/adoption/events/new").with(data.as(Role.STRATEGIST)))
			.andExpect(content().string(containsString("Choose the department first")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Ours"))));
	}

	@Test
	void bad_events_come_back_with_a_message_and_the_input_kept() throws Exception {
		long department = data.department();
		LocalDate today = TestClock.today();
		expectRefused(record(department, "NOTE", today).param("title", "").param("details", "kept details"), "title")
			.andExpect(content().string(containsString("kept details")));
		expectRefused(record(department, "NOTE", today.plusDays(1)).param("title", "Kept title"), "occurredOn")
			.andExpect(content().string(containsString("The date can’t be in the future.")))
			.andExpect(content().string(containsString("value=\"Kept title\"")));
		expectRefused(record(department, "STAGE_CHANGE", today).param("title", "No stage"), "toStage")
			.andExpect(content().string(containsString("Choose the department’s new stage.")));
		expectRefused(record(department, "STAGE_CHANGE", today).param("toStage", "UNAWARE").param("title", "Same"),
				"toStage")
			.andExpect(content().string(containsString("The department was at this stage already on that day.")));
		expectRefused(record(department, "OBJECTION", today).param("title", "No category"), "objectionCategory")
			.andExpect(content().string(containsString("Choose what the objection is about.")));
		expectRefused(record(department, "CASE_STUDY_PUBLISHED", today).param("title", "Forged"), "kind")
			.andExpect(content().string(containsString("Choose a stage change, a milestone, an objection or a note.")));
		expectRefused(record(department, "TELEPATHY", today).param("title", "Nonsense kind"), "kind");
		expectRefused(record(department, "STAGE_CHANGE", today).param("toStage", "ENLIGHTENED").param("title", "x"),
				"toStage");
		expectRefused(record(department, "NOTE", "31/02/2026").with(data.as(Role.STRATEGIST)).param("title", "Bad date"),
				"occurredOn")
			.andExpect(content().string(containsString("Enter a date such as 2026-03-31.")));
		expectRefused(record(department, "NOTE", today).param("title", "x".repeat(301)), "title");
		expectRefused(record(Long.MAX_VALUE, "NOTE", today).param("title", "Nowhere"), "departmentId")
			.andExpect(content().string(containsString("Choose one of the departments.")));

		assertThat(jdbc.sql("select count(*) from adoption_event where :id = any(department_ids)")
			.param("id", department)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void an_answer_closes_an_objection_of_the_same_department_once() throws Exception {
		long department = data.department();
		long other = data.department();
		LocalDate today = TestClock.today();
		long objection = objection(department, today.minusDays(10), "“No time for this”");
		long elsewhere = objection(other, today.minusDays(10), "“Not for us”");

		expectRefused(record(department, "NOTE", today).param("title", "Wrong department")
			.param("answersId", String.valueOf(elsewhere)), "answersId")
			.andExpect(content().string(containsString("Choose an objection raised by the same department.")));
		expectRefused(record(department, "NOTE", today.minusDays(11)).param("title", "Too early")
			.param("answersId", String.valueOf(objection)), "answersId")
			.andExpect(content().string(containsString("An answer can’t be dated before the objection it answers.")));
		assertThat(timeline.openObjections(department, 100)).extracting(TimelineEntry::id).containsExactly(objection);

		mvc.perform(record(department, "MILESTONE", today).param("title", "Showed the one-hour routine")
			.param("answersId", String.valueOf(objection)))
			.andExpect(redirectedUrl("/adoption/departments/" + department));
		assertThat(timeline.openObjections(department, 100)).isEmpty();
		assertThat(timeline.openObjections(other, 100)).extracting(TimelineEntry::id).containsExactly(elsewhere);

		expectRefused(record(department, "NOTE", today).param("title", "Again")
			.param("answersId", String.valueOf(objection)), "answersId")
			.andExpect(content().string(containsString("This objection has been answered already.")));

		// An objection can't answer one; the answer field is ignored for it.
		mvc.perform(record(department, "OBJECTION", today).param("objectionCategory", "RISK")
			.param("title", "“Too risky”")
			.param("answersId", String.valueOf(objection)))
			.andExpect(redirectedUrl("/adoption/departments/" + department));

		String page = mvc.perform(get("/adoption/departments/{id}", department).with(data.as(Role.STAFF)))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String open = page.substring(page.indexOf("id=\"objections-heading\""), page.indexOf("id=\"recent-heading\""));
		assertThat(open).contains("Too risky").doesNotContain("No time for this");
		// The kinds people record: case studies published for everyone by other tests would fill page 1.
		mvc.perform(get("/adoption").param("department", String.valueOf(department))
			.param("kind", "OBJECTION", "NOTE", "MILESTONE", "STAGE_CHANGE")
			.with(data.as(Role.STAFF)))
			.andExpect(content().string(containsString("Showed the one-hour routine")))
			.andExpect(content().string(containsString("answered")));
	}

	@Test
	void an_answer_says_what_answered_the_objection_and_the_timeline_links_it() throws Exception {
		long department = data.department();
		LocalDate today = TestClock.today();
		String caseStudyTitle = TestData.unique("Open-day video <b>");
		long caseStudy = caseStudies.published(caseStudyTitle, form -> form.getDepartmentIds().add(department));
		long forEveryone = caseStudies.published(TestData.unique("For everyone, and much liked"));
		jdbc.sql("insert into case_study_helpful_count (case_study_id, helpful) values (:id, 1000)")
			.param("id", forEveryone)
			.update();
		long champion = champions.champion(data.person(department));
		String experimentTitle = TestData.unique("Reels & stories");
		long experiment = experiments.completed(experimentTitle, Outcome.SUCCEEDED,
				form -> form.setDepartmentId(department));
		long time = objection(department, today.minusDays(5), "“No time”");
		long skills = objection(department, today.minusDays(5), "“No skills”");
		long value = objection(department, today.minusDays(5), "“No value”");

		org.jsoup.nodes.Document form = page(get("/adoption/events/new").param("department", String.valueOf(department))
			.param("kind", "NOTE")
			.param("answers", String.valueOf(time))
			.with(data.as(Role.STRATEGIST)));
		assertThat(form.select("#answeredWith option").eachAttr("value")).contains("CASE_STUDY:" + caseStudy,
				"CHAMPION:" + champion, "EXPERIMENT:" + experiment);
		assertThat(form.select("#answeredWith option[value^=CASE_STUDY:]").eachAttr("value"))
			.as("the department's own case studies before those for everyone, however liked")
			.startsWith("CASE_STUDY:" + caseStudy)
			.contains("CASE_STUDY:" + forEveryone);
		assertThat(form.select("#answeredWith option[selected]").attr("value")).isEmpty();

		mvc.perform(record(department, "NOTE", today).param("title", "Shared the open-day case study")
			.param("answersId", String.valueOf(time))
			.param("answeredWith", "CASE_STUDY:" + caseStudy))
			.andExpect(redirectedUrl("/adoption/departments/" + department));
		mvc.perform(record(department, "MILESTONE", today).param("title", "Their champion ran a filming session")
			.param("answersId", String.valueOf(skills))
			.param("answeredWith", "CHAMPION:" + champion))
			.andExpect(redirectedUrl("/adoption/departments/" + department));
		mvc.perform(record(department, "STAGE_CHANGE", today).param("toStage", "EXPERIMENTING")
			.param("title", "The reels experiment convinced them")
			.param("answersId", String.valueOf(value))
			.param("answeredWith", "EXPERIMENT:" + experiment))
			.andExpect(redirectedUrl("/adoption/departments/" + department));

		assertThat(jdbc.sql("""
				select answers_id, answered_with || ':' || answered_with_id from adoption_event
				where answers_id in (:ids)
				""").param("ids", List.of(time, skills, value)).query((rs, n) -> rs.getLong(1) + "=" + rs.getString(2)).list())
			.containsExactlyInAnyOrder(time + "=CASE_STUDY:" + caseStudy, skills + "=CHAMPION:" + champion,
					value + "=EXPERIMENT:" + experiment);
		assertThat(timeline.openObjections(department, 100)).isEmpty();

		// Named as the other modules reported them to the timeline (after their transactions).
		await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql("""
				select count(*) from adoption_event
				where (kind = 'CASE_STUDY_PUBLISHED' and subject_id = :caseStudy)
				   or (kind = 'CHAMPION_JOINED' and subject_id = :champion)
				   or (kind = 'EXPERIMENT_COMPLETED' and subject_id = :experiment)
				""").param("caseStudy", caseStudy).param("champion", champion).param("experiment", experiment)
			.query(Long.class).single() == 3);
		// Only what people recorded: case studies published for everyone today (by other tests) would
		// push the objections off the first page.
		org.jsoup.nodes.Document page = page(get("/adoption").param("department", String.valueOf(department))
			.param("kind", "OBJECTION", "NOTE", "MILESTONE", "STAGE_CHANGE")
			.with(data.as(Role.STAFF)));
		assertThat(page.select("p.answered-with a").eachAttr("href")).containsExactlyInAnyOrder(
				"/library/" + caseStudy, "/champions/" + champion, "/experiments/" + experiment);
		assertThat(page.select("p.answered-with a[href='/library/" + caseStudy + "']").text()).isEqualTo(caseStudyTitle);
		assertThat(page.select("p.answered-with a[href='/experiments/" + experiment + "']").text())
			.isEqualTo(experimentTitle);
		assertThat(page.select("p.answered-with").first().text()).startsWith("Answered with:");
		// The objections say which event answered them, and with what.
		assertThat(page.select("p.answered-by").eachText()).contains(
				"Answered by: Shared the open-day case study with the case study " + caseStudyTitle,
				"Answered by: The reels experiment convinced them with the experiment " + experimentTitle);
		assertThat(page.select("p.answered-by a").eachAttr("href")).contains("/champions/" + champion);

		// The department's recent events show them too (with no statement more: see AdoptionStatementsTests).
		org.jsoup.nodes.Document departmentPage = page(get("/adoption/departments/{id}", department)
			.with(data.as(Role.STAFF)));
		assertThat(departmentPage.select("p.answered-with a").eachAttr("href")).contains("/library/" + caseStudy);
	}

	@Test
	void what_answered_an_objection_must_be_published_active_or_completed_and_is_kept_when_refused() throws Exception {
		long department = data.department();
		LocalDate today = TestClock.today();
		long objection = objection(department, today.minusDays(3), "“Not now”");
		long draft = caseStudies.draft(TestData.unique("Draft"), form -> form.getDepartmentIds().add(department));
		long paused = champions.champion(data.person(department), ChampionStatus.PAUSED, Set.of(), Set.of(), false);
		long running = experiments.startedIn(department, TestData.unique("Running"), today.minusDays(3));

		Map<String, String> refusals = new java.util.LinkedHashMap<>();
		refusals.put("CASE_STUDY:" + draft, "This case study isn’t published");
		refusals.put("CASE_STUDY:999999999999", "This case study isn’t published");
		refusals.put("CHAMPION:" + paused, "This champion isn’t active");
		refusals.put("EXPERIMENT:" + running, "This experiment isn’t completed");
		refusals.put("TELEPATHY:1", "Choose a case study, a champion or an experiment from the list.");
		refusals.put("CASE_STUDY:-1", "Choose a case study, a champion or an experiment from the list.");
		refusals.put("<script>x</script>", "Choose a case study, a champion or an experiment from the list.");
		for (Map.Entry<String, String> refusal : refusals.entrySet()) {
			String body = expectRefused(record(department, "NOTE", today).param("title", "Kept answer")
				.param("answersId", String.valueOf(objection))
				.param("answeredWith", refusal.getKey()), "answeredWith")
				.andExpect(content().string(containsString(refusal.getValue())))
				.andReturn()
				.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			org.jsoup.nodes.Document document = org.jsoup.Jsoup.parse(body);
			assertThat(document.select("#answeredWith option[selected]").attr("value")).as(refusal.getKey())
				.isEqualTo(refusal.getKey());
			assertThat(document.select("#title").attr("value")).isEqualTo("Kept answer");
			assertThat(body).doesNotContain("<script>x");
		}
		// What answered it needs the objection it answered.
		long caseStudy = caseStudies.published(TestData.unique("Published"));
		expectRefused(record(department, "NOTE", today).param("title", "No objection chosen")
			.param("answeredWith", "CASE_STUDY:" + caseStudy), "answeredWith")
			.andExpect(content().string(containsString("Choose the objection it answered")));
		assertThat(timeline.openObjections(department, 100)).extracting(TimelineEntry::id).containsExactly(objection);

		// An objection itself answers nothing: what it might send is ignored, as its answersId is.
		mvc.perform(record(department, "OBJECTION", today).param("objectionCategory", "RISK")
			.param("title", "“Risky”")
			.param("answeredWith", "CASE_STUDY:" + caseStudy))
			.andExpect(redirectedUrl("/adoption/departments/" + department));
	}

	@Test
	void the_demo_timeline_has_objections_answered_with_each_kind_of_evidence() {
		// The demo's departments were on record before any test made its own.
		assertThat(jdbc.sql("""
				select distinct e.answered_with from adoption_event e join department d on d.id = e.department_ids[1]
				where e.answered_with is not null and d.name in ('Marketing & Communications', 'Admissions',
				  'Alumni Relations', 'Athletics', 'Library', 'Research Office', 'Human Resources', 'IT Services',
				  'Student Services', 'Careers Service', 'International Office', 'Faculty of Arts & Humanities',
				  'Faculty of Science')
				""").query(String.class).list()).containsExactlyInAnyOrder("CASE_STUDY", "CHAMPION", "EXPERIMENT");
	}

	@Test
	void a_link_fills_in_the_form_with_what_answered_it_a_title_and_details() throws Exception {
		long department = data.department();
		long other = data.department();
		long objection = objection(department, TestClock.today().minusDays(3), "“Not for us”");
		String elsewhereTitle = TestData.unique("Only for the other department");
		long elsewhere = caseStudies.published(elsewhereTitle, form -> form.getDepartmentIds().add(other));

		// Not among the department's own choices, yet kept when a link asks for it.
		org.jsoup.nodes.Document plain = page(get("/adoption/events/new").param("department", String.valueOf(department))
			.with(data.as(Role.STRATEGIST)));
		assertThat(plain.select("#answeredWith option").eachAttr("value")).doesNotContain("CASE_STUDY:" + elsewhere);
		org.jsoup.nodes.Document filled = page(get("/adoption/events/new").param("department", String.valueOf(department))
			.param("kind", "NOTE")
			.param("answers", String.valueOf(objection))
			.param("answeredWith", "CASE_STUDY:" + elsewhere)
			.param("title", "  Shared the case study  ")
			.param("details", "d".repeat(5000))
			.with(data.as(Role.STRATEGIST)));
		assertThat(filled.select("#answeredWith option[selected]").attr("value")).isEqualTo("CASE_STUDY:" + elsewhere);
		assertThat(filled.select("#answeredWith option[selected]").text()).isEqualTo(elsewhereTitle);
		assertThat(filled.select("#answersId option[selected]").attr("value")).isEqualTo(String.valueOf(objection));
		assertThat(filled.select("#kind option[selected]").attr("value")).isEqualTo("NOTE");
		assertThat(filled.select("#title").attr("value")).isEqualTo("Shared the case study");
		assertThat(filled.select("#details").text()).hasSize(4000);
		assertThat(filled.select(".invalid-feedback")).isEmpty();
		mvc.perform(get("/adoption/events/new").param("title", "t".repeat(400)).with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("form", org.hamcrest.Matchers.hasProperty("title",
					org.hamcrest.Matchers.hasLength(RecordForm.TITLE_LENGTH))));

		// A value that can't be chosen comes with its message, never a failure.
		long draft = caseStudies.draft(TestData.unique("Draft"), form -> {
		});
		for (String bad : List.of("CASE_STUDY:" + draft, "CHAMPION:abc", "x".repeat(300))) {
			mvc.perform(get("/adoption/events/new").param("department", String.valueOf(department))
				.param("answers", String.valueOf(objection))
				.param("answeredWith", bad)
				.with(data.as(Role.STRATEGIST)))
				.andExpect(status().isOk())
				.andExpect(model().attributeHasFieldErrors("form", "answeredWith"));
		}
	}

	@Test
	void the_objections_table_counts_by_category_on_the_page_and_in_its_export() throws Exception {
		long department = data.department();
		LocalDate day = LocalDate.of(2025, 5, 10);
		// On record since today, the department counts from its first stage change.
		RecordForm aware = RecordForm.of(department, day.minusDays(9), EventKind.STAGE_CHANGE, "Aware");
		aware.setToStage(Stage.AWARE);
		log.record(aware, data.person(null));
		long objection = objection(department, day, "“No time”");
		long caseStudy = caseStudies.published(TestData.unique("Answer"));
		RecordForm answer = RecordForm.of(department, day.plusDays(5), EventKind.NOTE, "Answered");
		answer.setAnswersId(objection);
		answer.setAnsweredWith("CASE_STUDY:" + caseStudy);
		log.record(answer, data.person(null));
		RecordForm open = RecordForm.of(department, day.plusDays(6), EventKind.OBJECTION, "“Too risky”");
		open.setObjectionCategory(ObjectionCategory.RISK);
		log.record(open, data.person(null));

		String csv = mvc.perform(get("/adoption/dashboard/export.csv").param("table", "OBJECTIONS")
			.param("department", String.valueOf(department))
			.param("from", "2025-05-01")
			.param("to", "2025-05-31")
			.with(data.as(Role.MANAGER)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("adoption-objections-")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.lines().skip(1).toList()).containsExactly(quoted(
				"Category,Raised,Answered,With a case study,With a champion,With an experiment,Still open,Open from earlier",
				"Time,1,1,1,0,0,0,0", "Risk or legal,1,0,0,0,0,1,0", "Skills,0,0,0,0,0,0,0", "Value not seen,0,0,0,0,0,0,0",
				"Other,0,0,0,0,0,0,0", "All categories,2,1,1,0,0,1,0"));

		org.jsoup.nodes.Document page = page(get("/adoption/dashboard").param("department", String.valueOf(department))
			.param("from", "2025-05-01")
			.param("to", "2025-05-31")
			.with(data.as(Role.MANAGER)));
		assertThat(page.select("#objections-table tbody tr[data-category=TIME] td").eachText())
			.containsExactly("1", "1", "1", "0", "0", "0", "0");
		assertThat(page.select("#objections-table tfoot tr:first-child td").eachText()).containsExactly("2", "1", "1", "0", "0", "1", "0");
		assertThat(page.select("a[href*='table=OBJECTIONS']")).hasSize(1);
	}

	@Test
	void the_adoption_routes_record_and_read_but_never_edit_or_delete() {
		Set<String> routes = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> info.getPathPatternsCondition()
			.getPatternValues()
			.stream()
			.filter(pattern -> pattern.startsWith("/adoption"))
			.forEach(pattern -> {
				Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("ANY")
						: info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
				methods.forEach(m -> routes.add(m + " " + pattern));
			}));
		assertThat(routes).containsExactlyInAnyOrder("GET /adoption", "GET /adoption/departments/{id}",
				"GET /adoption/dashboard", "GET /adoption/dashboard/export.csv", "GET /adoption/report", "GET /adoption/events/new",
				"GET /adoption/events/objections",
				"POST /adoption/events");
	}

	@Test
	void the_database_refuses_to_change_or_remove_an_event() {
		long id = objection(data.department(), TestClock.today(), "“Kept forever”");

		assertThatThrownBy(() -> jdbc.sql("update adoption_event set title = 'Rewritten' where id = :id")
			.param("id", id)
			.update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from adoption_event where id = :id").param("id", id).update())
			.hasMessageContaining("append-only");
		assertThat(jdbc.sql("select title from adoption_event where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("“Kept forever”");
	}

	@Test
	void staff_follow_the_timeline_but_not_the_dashboard_or_its_exports() throws Exception {
		mvc.perform(get("/adoption").with(data.as(Role.STAFF))).andExpect(status().isOk());
		mvc.perform(get("/adoption/dashboard").with(data.as(Role.STAFF))).andExpect(status().isForbidden());
		mvc.perform(get("/adoption/dashboard/export.csv").param("table", "REACH").with(data.as(Role.STAFF)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/adoption/events/new").with(data.as(Role.MANAGER))).andExpect(status().isForbidden());
		mvc.perform(post("/adoption/events").param("title", "x").with(csrf()).with(data.as(Role.MANAGER)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/adoption/dashboard").with(data.as(Role.MANAGER))).andExpect(status().isOk());
	}

	@Test
	void the_dashboard_exports_each_table_as_csv_for_the_chosen_departments_and_range() throws Exception {
		long department = data.department();
		RecordForm form = RecordForm.of(department, LocalDate.of(2025, 3, 10), EventKind.STAGE_CHANGE, "Aware");
		form.setToStage(Stage.AWARE);
		log.record(form, data.person(null));

		String months = mvc
			.perform(get("/adoption/dashboard/export.csv").param("table", "MONTHS")
				.param("department", String.valueOf(department))
				.param("from", "2025-02-01")
				.param("to", "2025-04-30")
				.with(data.as(Role.MANAGER)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("adoption-months-")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		// On record since today, the department counts from its first stage change, in March.
		assertThat(months.lines().skip(1).toList()).containsExactly(quoted(
				"Month,Unaware,Aware,Interested,Experimenting,Adopting,Advocating,Adoption index",
				"2025-02-28,0,0,0,0,0,0,0.00", "2025-03-31,0,1,0,0,0,0,1.00", "2025-04-30,0,1,0,0,0,0,1.00"));

		for (String table : List.of("STAGES", "EXPERIMENTS", "COVERAGE", "REACH", "STALLED", "OBJECTIONS")) {
			mvc.perform(get("/adoption/dashboard/export.csv").param("table", table)
				.param("department", String.valueOf(department))
				.with(data.as(Role.MANAGER))).andExpect(status().isOk());
		}
		mvc.perform(get("/adoption/dashboard/export.csv").param("table", "PASSWORDS").with(data.as(Role.MANAGER)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void nonsense_filters_fall_back_instead_of_failing() throws Exception {
		mvc.perform(get("/adoption/dashboard").param("from", "yesterday")
			.param("to", "9999-99-99")
			.param("department", "abc")
			.with(data.as(Role.MANAGER))).andExpect(status().isOk());
		mvc.perform(get("/adoption").param("from", "nope")
			.param("kind", "TELEPATHY")
			.param("department", "-1")
			.param("page", "999999")
			.with(data.as(Role.STAFF))).andExpect(status().isOk());
		mvc.perform(get("/adoption/departments/{id}", Long.MAX_VALUE).with(data.as(Role.STAFF)))
			.andExpect(status().isNotFound());
	}

	private long objection(long department, LocalDate on, String title) {
		RecordForm form = RecordForm.of(department, on, EventKind.OBJECTION, title);
		form.setObjectionCategory(ObjectionCategory.TIME);
		return log.record(form, data.person(null));
	}

	private MockHttpServletRequestBuilder record(long department, String kind, LocalDate on) {
		return record(department, kind, on.toString()).with(data.as(Role.STRATEGIST));
	}

	private MockHttpServletRequestBuilder record(long department, String kind, String on) {
		return post("/adoption/events").param("departmentId", String.valueOf(department))
			.param("kind", kind)
			.param("occurredOn", on)
			.with(csrf());
	}

	/**
	 * CSV rows as the exports write them, every field in double quotes: {@code rows} give the
	 * fields between commas (none of them has a comma, quote or line break of its own), the first
	 * after the byte-order mark.
	 */
	private static String[] quoted(String... rows) {
		return java.util.Arrays.stream(rows)
			.map(row -> row.replaceFirst("^(\uFEFF?)", "$1\"").replace(",", "\",\"") + "\"")
			.toArray(String[]::new);
	}

	private org.jsoup.nodes.Document page(MockHttpServletRequestBuilder request) throws Exception {
		return org.jsoup.Jsoup.parse(mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

	private ResultActions expectRefused(MockHttpServletRequestBuilder request, String field) throws Exception {
		return mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", field));
	}

}
