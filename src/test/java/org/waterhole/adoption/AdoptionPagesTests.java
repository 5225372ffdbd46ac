package org.waterhole.adoption;

import java.time.LocalDate;
import java.util.List;
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
import org.waterhole.organization.PersonService;
import org.waterhole.organization.Role;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void the_strategist_records_a_stage_change_from_the_stage_the_department_was_at() throws Exception {
		long department = data.department();
		LocalDate today = LocalDate.now();
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
		LocalDate today = LocalDate.now();
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
					RecordForm form = RecordForm.of(department, LocalDate.now(), EventKind.STAGE_CHANGE, "Now " + stage);
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
		objection(department, LocalDate.now(), "“Ours”");
		objection(other, LocalDate.now(), "“Theirs”");

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
		LocalDate today = LocalDate.now();
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
		LocalDate today = LocalDate.now();
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
		mvc.perform(get("/adoption").param("department", String.valueOf(department)).with(data.as(Role.STAFF)))
			.andExpect(content().string(containsString("Showed the one-hour routine")))
			.andExpect(content().string(containsString("answered")));
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
				"GET /adoption/dashboard", "GET /adoption/dashboard/export.csv", "GET /adoption/events/new",
				"GET /adoption/events/objections",
				"POST /adoption/events");
	}

	@Test
	void the_database_refuses_to_change_or_remove_an_event() {
		long id = objection(data.department(), LocalDate.now(), "“Kept forever”");

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
		assertThat(months.lines().toList()).containsExactly(
				"\uFEFFMonth,Unaware,Aware,Interested,Experimenting,Adopting,Advocating,Adoption index",
				"2025-02-28,0,0,0,0,0,0,0.00", "2025-03-31,0,1,0,0,0,0,1.00", "2025-04-30,0,1,0,0,0,0,1.00");

		for (String table : List.of("STAGES", "EXPERIMENTS", "COVERAGE", "REACH", "STALLED")) {
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

	private ResultActions expectRefused(MockHttpServletRequestBuilder request, String field) throws Exception {
		return mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", field));
	}

}
