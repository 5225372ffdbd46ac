package org.waterhole;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.adoption.AdoptionLog;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.casestudy.Readings;
import org.waterhole.champion.ChampionsData;
import org.waterhole.champion.VolunteerForm;
import org.waterhole.champion.Volunteering;
import org.waterhole.experiment.ExperimentsData;
import org.waterhole.experiment.MeasurementForm;
import org.waterhole.experiment.Outcome;
import org.waterhole.organization.Role;
import org.waterhole.shared.Platform;
import org.waterhole.support.Statements;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.Visitor;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every page family issues a bounded number of SQL statements (at most 12; the strategist's playbook
 * page {@link #PLAYBOOK_BUDGET}), and the same number
 * once everything it shows has grown tenfold: people, accounts, case studies with their readings
 * and helpful marks, drafts, experiments with their measurements, champions with their
 * activities, volunteers and adoption events, in one department and across the organisation.
 * Statements are counted with datasource-proxy ({@link Statements}), for a strategist, who sees
 * the most; the session store's, the same for every request, are counted apart.
 */
@WaterholeTest
class StatementBudgetTests {

	static final int BUDGET = 12;

	/**
	 * The strategist's playbook page with the suggestions that look up the most: four more than
	 * other pages, for what answered the objection's kind elsewhere and the offers to volunteer
	 * that wait (each one statement, whatever the data), the people never to name as keen readers
	 * (they chose so, or were erased), and the entry in the log of who looked at named readers
	 * (the page names keen readers).
	 */
	static final int PLAYBOOK_BUDGET = BUDGET + 4;

	/**
	 * What the session store costs a request of a signed-in user that changes nothing in its
	 * session: one read by primary key (SessionWritesTests has the rest).
	 */
	static final int SESSION_STATEMENTS = 1;


	@Autowired
	MockMvc mvc;

	@Autowired
	CacheManager caches;

	@Autowired
	TestData data;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	Readings readings;

	@Autowired
	ExperimentsData experiments;

	@Autowired
	ChampionsData champions;

	@Autowired
	Volunteering volunteering;

	@Autowired
	AdoptionLog adoption;

	@Autowired
	JdbcClient jdbc;

	@Test
	void every_page_family_stays_within_the_budget_and_does_not_grow_with_the_data() throws Exception {
		World world = new World(data.department());
		// Enough people in the department for its pages to fill a first page and show reach.
		for (int i = 0; i < 30; i++) {
			world.people.add(data.person(world.department));
		}
		// And more accounts than the account list's first page holds, so that it is counted at both sizes.
		for (int i = 0; i < 25; i++) {
			data.account(Role.STAFF);
		}
		world.grow(1);
		RequestPostProcessor strategist = SecurityMockMvcRequestPostProcessors.user(data.user(Role.STRATEGIST));
		RequestPostProcessor manager = SecurityMockMvcRequestPostProcessors.user(data.user(Role.MANAGER));
		Map<String, Integer> small = counts(world, strategist, manager);

		world.grow(9);
		Map<String, Integer> large = counts(world, strategist, manager);

		StringBuilder report = new StringBuilder("StatementBudgetTests: statements per page (caches emptied), small and ten times larger:");
		small.forEach((page, count) -> report.append("%n  %-70s %2d %2d".formatted(page, count, large.get(page))));
		System.out.println(report);
		assertThat(small).allSatisfy((page, count) -> assertThat(count).as(page).isLessThanOrEqualTo(BUDGET));
		assertThat(large).as("statements per page after the data grew tenfold").isEqualTo(small);
	}

	/**
	 * A department's playbook page with the suggestions that look up the most (an objection to
	 * answer: the objection, case studies and champions; a champion to recruit: readers and
	 * their names; an experiment to propose: a success elsewhere) stays within its budget, and
	 * costs the same once the department has ten times the objections, readers, helpful marks and
	 * other departments' successes.
	 */
	@Test
	void the_playbook_page_costs_the_same_for_the_same_suggestions() throws Exception {
		long department = data.department();
		long strategistPerson = data.person(null);
		org.waterhole.adoption.RecordForm interested = org.waterhole.adoption.RecordForm.of(department,
				TestClock.today().minusDays(5), org.waterhole.adoption.EventKind.STAGE_CHANGE, "Interested");
		interested.setToStage(org.waterhole.adoption.Stage.INTERESTED);
		adoption.record(interested, strategistPerson);
		RequestPostProcessor strategist = SecurityMockMvcRequestPostProcessors.user(data.user(Role.STRATEGIST));
		String page = "/playbook/departments/" + department;
		List<Integer> counts = new java.util.ArrayList<>();
		for (int size : List.of(1, 10)) {
			while (playbookObjections(department) < size) {
				org.waterhole.adoption.RecordForm objection = org.waterhole.adoption.RecordForm.of(department,
						TestClock.today(), org.waterhole.adoption.EventKind.OBJECTION, "No time");
				objection.setObjectionCategory(org.waterhole.adoption.ObjectionCategory.TIME);
				adoption.record(objection, strategistPerson);
				long reader = data.person(department);
				long caseStudy = caseStudies.published(TestData.unique("Read"));
				readings.record(caseStudy, reader, department, TestClock.now());
				readings.markHelpful(caseStudy, reader, department, true, TestClock.now());
				long elsewhere = experiments.startedIn(data.department(), TestData.unique("Elsewhere"),
						TestClock.today().minusDays(20));
				experiments.complete(elsewhere, Outcome.SUCCEEDED, TestClock.today().minusDays(1));
			}
			String html = mvc.perform(get(page).with(strategist)).andReturn().getResponse().getContentAsString();
			assertThat(html).contains("suggestion-ANSWER_OBJECTION", "suggestion-RECRUIT_CHAMPION",
					"suggestion-PROPOSE_EXPERIMENT");
			counts.add(Statements.ofPage(mvc, caches, page, strategist));
		}
		System.out.println("StatementBudgetTests: the playbook page with three suggestions, small and ten times larger: " + counts);
		assertThat(counts.get(0)).isLessThanOrEqualTo(PLAYBOOK_BUDGET);
		assertThat(counts.get(1)).isEqualTo(counts.get(0));
	}

	private long playbookObjections(long department) {
		return jdbc.sql("select count(*) from adoption_event where kind = 'OBJECTION' and department_ids[1] = :d")
			.param("d", department)
			.query(Long.class)
			.single();
	}

	/**
	 * The session store (sessions are in PostgreSQL, for several instances) costs every request
	 * of a signed-in visitor the same few statements, whatever the page ({@link #SESSION_STATEMENTS}).
	 * They are counted apart from the pages' budget.
	 */
	@Test
	void the_session_store_costs_each_request_the_same_few_statements() throws Exception {
		Cookie session = mvc
			.perform(formLogin("/login").userParameter("email").user(data.account(Role.STRATEGIST)).password(TestData.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie(Visitor.SESSION_COOKIE);
		assertThat(session).as("the session cookie").isNotNull();
		for (String page : List.of("/", "/experiments", "/departments/" + data.department())) {
			mvc.perform(get(page).cookie(session)).andExpect(status().isOk());
			assertThat(Statements.onSessionStore(() -> mvc.perform(get(page).cookie(session)).andExpect(status().isOk())))
				.as(page)
				.isEqualTo(SESSION_STATEMENTS);
		}
	}

	private Map<String, Integer> counts(World world, RequestPostProcessor user, RequestPostProcessor manager)
			throws Exception {
		long d = world.department;
		List<String> pages = List.of("/", "/library", "/library?platform=LINKEDIN&department=" + d,
				"/library/search?q=engagement%20video", "/library/" + world.caseStudy, "/library/" + world.caseStudy + "/readers",
				"/library/" + world.caseStudy + "/edit", "/library/manage", "/library/review", "/library/new",
				"/experiments", "/experiments?department=" + d + "&page=1", "/experiments/board", "/experiments/learnings",
				"/experiments/success", "/experiments/" + world.experiment, "/experiments/" + world.experiment + "/edit",
				"/experiments/new", "/experiments/export.csv?department=" + d, "/champions",
				"/champions?department=" + d, "/champions/" + world.champion, "/champions/" + world.champion + "/edit",
				"/champions/coverage", "/champions/requests", "/champions/volunteer", "/champions/new", "/adoption",
				"/adoption?department=" + d + "&kind=NOTE", "/adoption/departments/" + d, "/adoption/dashboard",
				"/adoption/dashboard?department=" + d, "/adoption/dashboard/export.csv?table=MONTHS",
				"/adoption/events/new?department=" + d, "/departments", "/departments/" + d,
				"/departments/" + d + "/edit", "/departments/new", "/people", "/people?department=" + d,
				"/people/" + world.person + "/edit", "/people/new", "/people/import", "/accounts",
				"/accounts/" + world.account + "/edit", "/accounts/new?q=Person", "/account/password",
				"/account/digest",
				// The experiment's history grows with the world (HistoryTests counts it), these don't.
				"/library/" + world.caseStudy + "/history", "/champions/" + world.champion + "/history",
				"/departments/" + d + "/history",
				"/people/" + world.person + "/history", "/accounts/" + world.account + "/history");
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String page : pages) {
			counts.put(page, Statements.ofPage(mvc, caches, page, user));
		}
		// For a manager: the score alone. The strategist's suggestions depend on which rules apply
		// (each looks up what it names): the_playbook_page_costs_the_same_for_the_same_suggestions.
		String playbook = "/playbook/departments/" + d;
		counts.put(playbook + " (manager)", Statements.ofPage(mvc, caches, playbook, manager));
		return counts;
	}

	/** One department's share of everything, grown a unit at a time; the first of each is shown in detail. */
	private final class World {

		final long department;

		final List<Long> people = new ArrayList<>();

		Long person;

		Long account;

		Long caseStudy;

		Long experiment;

		Long champion;

		World(long department) {
			this.department = department;
		}

		void grow(int units) {
			for (int i = 0; i < units; i++) {
				unit();
			}
		}

		private void unit() {
			for (int i = 0; i < 3; i++) {
				people.add(data.person(department));
			}
			String email = data.account(Role.STAFF);
			if (person == null) {
				person = people.get(0);
				account = accountId(email);
			}
			long published = caseStudies.published(TestData.unique("Engagement video"),
					form -> form.setDepartmentIds(new LinkedHashSet<>(Set.of(department))));
			caseStudy = caseStudy == null ? published : caseStudy;
			caseStudies.draft(TestData.unique("Draft"), form -> {
			});
			Instant now = TestClock.now();
			for (long reader : people.subList(people.size() - 3, people.size())) {
				readings.record(caseStudy, reader, department, now.minus(people.size(), ChronoUnit.HOURS));
				readings.record(published, reader, department, now.minus(2, ChronoUnit.DAYS));
				readings.markHelpful(caseStudy, reader, department, true, now);
			}

			long running = experiments.startedIn(department, TestData.unique("Experiment"), TestClock.today().minusDays(40));
			experiment = experiment == null ? running : experiment;
			for (int i = 0; i < 3; i++) {
				MeasurementForm measurement = new MeasurementForm();
				measurement.setMeasuredOn(TestClock.today().minusDays(people.size() % 38 + i));
				measurement.setValue(BigDecimal.valueOf(10 + i));
				experiments.service().addMeasurement(experiment, measurement);
			}
			long done = experiments.startedIn(department, TestData.unique("Done"), TestClock.today().minusDays(30));
			experiments.complete(done, Outcome.SUCCEEDED, TestClock.today().minusDays(1));

			long championId = champions.champion(people.get(people.size() - 1));
			champion = champion == null ? championId : champion;
			for (int i = 0; i < 3; i++) {
				champions.activity(champion, TestClock.today().minusDays(i), person);
			}
			VolunteerForm offer = new VolunteerForm();
			offer.setPitch("I can help others start.");
			offer.setPlatforms(new LinkedHashSet<>(Set.of(Platform.INSTAGRAM)));
			offer.setSkills("video");
			volunteering.volunteer(people.get(people.size() - 2), offer);

			adoption.record(org.waterhole.adoption.RecordForm.of(department, TestClock.today(), org.waterhole.adoption.EventKind.NOTE, "Note"), person);
		}

	}

	private long accountId(String email) {
		return ((org.waterhole.organization.WaterholeUser) data.user(email)).getAccountId();
	}

}
