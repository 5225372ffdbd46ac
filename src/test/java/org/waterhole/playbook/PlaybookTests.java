package org.waterhole.playbook;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.adoption.AdoptionLog;
import org.waterhole.adoption.EventKind;
import org.waterhole.adoption.ObjectionCategory;
import org.waterhole.adoption.RecordForm;
import org.waterhole.adoption.Stage;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.casestudy.Readings;
import org.waterhole.champion.ChampionsData;
import org.waterhole.experiment.ExperimentsData;
import org.waterhole.experiment.Outcome;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.playbook.Readiness.Contribution;
import org.waterhole.playbook.Readiness.Signal;
import org.waterhole.shared.web.FlashMessage;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The readiness score and the suggestions on departments made for each test, with known answers.
 * The other modules' facts go through their own services and events, as in the application.
 */
@WaterholeTest
class PlaybookTests {

	@Autowired
	Playbook playbook;

	@Autowired
	Agenda agenda;

	@Autowired
	AdoptionLog log;

	@Autowired
	TestData data;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	Readings readings;

	@Autowired
	ChampionsData champions;

	@Autowired
	ExperimentsData experiments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.waterhole.organization.DepartmentService departments;

	@Autowired
	org.springframework.context.MessageSource messages;

	LocalDate today;

	long strategist;

	@BeforeEach
	void setUp() {
		today = TestClock.today();
		strategist = data.person(null);
	}

	/**
	 * Ten people, three of them read in the last 90 days (30 % of the 50 % that gives all: 15 of
	 * 25), one helpful mark (10 per hundred people: all 10), no experiment, no champion, interested
	 * (2 of 5 steps: 10 of 25), one open objection (−5), moved today: 30.
	 */
	@Test
	void the_score_adds_up_what_each_signal_gives() {
		long department = data.department();
		List<Long> people = people(department, 10);
		long caseStudy = caseStudies.published(TestData.unique("Score"));
		read(caseStudy, people.get(0), department, 3);
		read(caseStudy, people.get(1), department, 20);
		read(caseStudy, people.get(2), department, 89);
		read(caseStudy, people.get(3), department, 95); // outside the 90 days
		readings.markHelpful(caseStudy, people.get(0), department, true, TestClock.now());
		stage(department, Stage.INTERESTED, today);
		objection(department, today, ObjectionCategory.TIME);

		Playbook.DepartmentPlaybook page = playbook.department(department, true);

		assertThat(page.score().value()).isEqualTo(30);
		assertThat(page.score().contributions()).extracting(Contribution::signal, Contribution::shown)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Signal.REACH, 15.0),
					org.assertj.core.groups.Tuple.tuple(Signal.HELPFUL, 10.0),
					org.assertj.core.groups.Tuple.tuple(Signal.EXPERIMENTS, 0.0),
					org.assertj.core.groups.Tuple.tuple(Signal.CHAMPIONS, 0.0),
					org.assertj.core.groups.Tuple.tuple(Signal.ACTIVITY, 0.0),
					org.assertj.core.groups.Tuple.tuple(Signal.STAGE, 10.0),
					org.assertj.core.groups.Tuple.tuple(Signal.STAGE_BAND, 0.0),
					org.assertj.core.groups.Tuple.tuple(Signal.OBJECTIONS, -5.0),
					org.assertj.core.groups.Tuple.tuple(Signal.TIME_IN_STAGE, 0.0));
		assertThat(page.now().readers()).isEqualTo(3);
		// Twelve month ends and today; before the stage change and the readings, unaware and unread.
		assertThat(page.movement()).hasSize(13);
		assertThat(page.movement().get(12).day()).isEqualTo(today);
		assertThat(page.movement().get(12).score()).isEqualTo(30);
		assertThat(page.movement().get(0).score()).as("a year ago, before it was on record or moved").isNull();
	}

	/** Stalled long below adopting: the time in the stage takes points away, all of them after 360 days. */
	@Test
	void a_long_time_at_a_stage_below_adopting_costs_points() {
		long stalled = departmentAt(Stage.AWARE, 270);
		long longer = departmentAt(Stage.AWARE, 400);
		long adopting = departmentAt(Stage.ADOPTING, 400);

		assertThat(points(stalled, Signal.TIME_IN_STAGE)).isEqualTo(-5.0);
		assertThat(points(longer, Signal.TIME_IN_STAGE)).isEqualTo(-10.0);
		assertThat(points(adopting, Signal.TIME_IN_STAGE)).isZero();
		assertThat(points(adopting, Signal.STAGE)).isEqualTo(20.0);
	}

	/** Interested, an objection, nobody championing, no experiment, reading enough: three suggestions. */
	@Test
	void each_rule_fires_when_its_signals_call_for_it() {
		long department = data.department();
		List<Long> people = people(department, 4);
		long caseStudy = caseStudies.published(TestData.unique("Read"));
		read(caseStudy, people.get(0), department, 1);
		read(caseStudy, people.get(1), department, 1);
		readings.markHelpful(caseStudy, people.get(1), department, true, TestClock.now());
		stage(department, Stage.INTERESTED, today.minusDays(10));
		objection(department, today.minusDays(2), ObjectionCategory.SKILLS);

		Playbook.DepartmentPlaybook page = playbook.department(department, true);

		assertThat(page.suggestions()).extracting(Suggestion::rule)
			.containsExactly(Rule.ANSWER_OBJECTION, Rule.RECRUIT_CHAMPION, Rule.PROPOSE_EXPERIMENT);
		// The keenest reader first: a helpful mark counts as two readings.
		Suggestion recruit = page.suggestions().get(1);
		assertThat(recruit.details()).extracting(Suggestion.Detail::url)
			.containsExactly("/champions/invitations/new?person=" + people.get(1), "/champions/invitations/new?person=" + people.get(0));
		assertThat(recruit.acceptUrl()).isEqualTo("/champions/invitations/new?person=" + people.get(1));
		// The objection's category answered by the case studies tagged for it (waterhole.playbook.objections).
		long training = caseStudies.published(TestData.unique("Training answers skills"), form -> {
			form.setTags("training");
			form.setDepartmentIds(new java.util.LinkedHashSet<>(List.of(department)));
		});
		Suggestion answer = playbook.department(department, true).suggestions().get(0);
		assertThat(answer.details()).extracting(Suggestion.Detail::url).contains("/library/" + training);
		assertThat(answer.acceptUrl()).contains("kind=NOTE", "answers=").contains("answeredWith=CASE_STUDY:");
	}

	/** A reading counts for the department the reader was in then: one who has since moved on isn't suggested. */
	@Test
	void keen_readers_who_moved_to_another_department_are_not_suggested() {
		long department = data.department();
		long stayed = data.person(department);
		long movedOn = data.person(data.department());
		for (int i = 0; i < 3; i++) {
			read(caseStudies.published(TestData.unique("Read before moving")), movedOn, department, 30);
		}
		read(caseStudies.published(TestData.unique("Read by one who stayed")), stayed, department, 1);

		Suggestion recruit = suggestion(department, Rule.RECRUIT_CHAMPION);

		assertThat(recruit.details()).extracting(Suggestion.Detail::url).containsExactly("/champions/invitations/new?person=" + stayed);
		assertThat(recruit.acceptUrl()).isEqualTo("/champions/invitations/new?person=" + stayed);
	}

	@Test
	void a_department_with_champions_and_no_objection_moving_well_gets_no_suggestion() {
		long department = data.department();
		long champion = champions.champion(data.person(department));
		awaitChampions(department, 1);
		stage(department, Stage.ADOPTING, today.minusDays(30));

		Playbook.DepartmentPlaybook page = playbook.department(department, true);

		assertThat(page.suggestions()).isEmpty();
		assertThat(page.now().activeChampions()).isEqualTo(1);
		assertThat(champion).isPositive();
	}

	/** Aware for 200 days with a champion and nobody reading: share case studies, and check in. */
	@Test
	void an_aware_department_reading_little_and_stalled_is_told_to_share_and_check_in() {
		long department = data.department();
		// Published first: the reading figures, whether something is unread included, are kept for a minute.
		long unread = caseStudies.published(TestData.unique("Unread here"),
				form -> form.setDepartmentIds(new java.util.LinkedHashSet<>(List.of(department))));
		people(department, 5);
		champions.champion(data.person(department));
		awaitChampions(department, 1);
		stage(department, Stage.AWARE, today.minusDays(200));

		Playbook.DepartmentPlaybook page = playbook.department(department, true);

		assertThat(page.suggestions()).extracting(Suggestion::rule)
			.containsExactly(Rule.SHARE_CASE_STUDIES, Rule.CHECK_IN);
		assertThat(page.suggestions().get(0).details()).extracting(Suggestion.Detail::url).contains("/library/" + unread);
		assertThat(page.suggestions().get(1).reasonArgs()).containsExactly(200L);
	}

	/** A succeeded experiment of a department of the same size is proposed, prefilled. */
	@Test
	void an_interested_department_without_experiments_is_offered_a_success_from_a_department_of_its_size() {
		long department = data.department();
		people(department, 23);
		stage(department, Stage.INTERESTED, today.minusDays(5));
		long similar = data.department();
		people(similar, 23);
		long success = experiments.startedIn(similar, TestData.unique("Worked there"), today.minusDays(40));
		experiments.complete(success, Outcome.SUCCEEDED, today.minusDays(1));

		Suggestion propose = suggestion(department, Rule.PROPOSE_EXPERIMENT);

		assertThat(propose.details()).hasSize(1);
		assertThat(propose.details().get(0).note()).contains("23 people");
		assertThat(propose.acceptUrl()).startsWith("/experiments/new?department=" + department + "&from=");
	}

	/** Dismissed with a reason, a suggestion stays away until its figures change: a new objection brings it back. */
	@Test
	void a_dismissed_suggestion_stays_dismissed_until_its_signals_change() throws Exception {
		long department = departmentAt(Stage.INTERESTED, 10);
		objection(department, today.minusDays(3), ObjectionCategory.RISK);
		WaterholeUser user = (WaterholeUser) data.user(Role.STRATEGIST);

		mvc.perform(post("/playbook/departments/{id}/dismissals", department).with(csrf())
				.with(SecurityMockMvcRequestPostProcessors.user(user))
				.param("rule", "ANSWER_OBJECTION")
				.param("reason", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("dismissForm", "reason"));
		assertThat(rules(department)).contains(Rule.ANSWER_OBJECTION);

		mvc.perform(post("/playbook/departments/{id}/dismissals", department).with(csrf())
				.with(SecurityMockMvcRequestPostProcessors.user(user))
				.param("rule", "ANSWER_OBJECTION")
				.param("reason", "Legal answers it at the next board meeting"))
			.andExpect(status().is3xxRedirection());
		Playbook.DepartmentPlaybook page = playbook.department(department, true);
		assertThat(page.suggestions()).extracting(Suggestion::rule).doesNotContain(Rule.ANSWER_OBJECTION);
		assertThat(page.dismissed()).extracting(Dismissals.Dismissal::reason)
			.containsExactly("Legal answers it at the next board meeting");
		// Unchanged figures: still dismissed (a note doesn't change the objections).
		note(department, today);
		assertThat(rules(department)).doesNotContain(Rule.ANSWER_OBJECTION);

		objection(department, today, ObjectionCategory.TIME);
		assertThat(rules(department)).contains(Rule.ANSWER_OBJECTION);
	}

	/** A champion who joins and leaves again changes the figures: a dismissed "recruit a champion" comes back. */
	@Test
	void a_dismissed_recruit_comes_back_after_a_champion_joined_and_left() {
		long department = data.department();
		WaterholeUser user = (WaterholeUser) data.user(Role.STRATEGIST);
		assertThat(playbook.dismiss(department, Rule.RECRUIT_CHAMPION, "Their manager is choosing one", user.getPersonId()))
			.isTrue();
		assertThat(rules(department)).doesNotContain(Rule.RECRUIT_CHAMPION);

		long champion = champions.champion(data.person(department));
		awaitChampions(department, 1);
		champions.changeStatus(champion, org.waterhole.champion.ChampionStatus.ALUMNI);
		awaitChampions(department, 0);

		assertThat(rules(department)).contains(Rule.RECRUIT_CHAMPION);
	}

	/** A dismissal made by mistake is taken back on the page: the suggestion shows again at once. */
	@Test
	void a_dismissed_suggestion_can_be_shown_again() throws Exception {
		long department = data.department();
		WaterholeUser user = (WaterholeUser) data.user(Role.STRATEGIST);
		assertThat(playbook.dismiss(department, Rule.RECRUIT_CHAMPION, "Wrong button", user.getPersonId())).isTrue();
		var page = Jsoup.parse(mvc.perform(get("/playbook/departments/{id}", department)
				.with(SecurityMockMvcRequestPostProcessors.user(user)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("#dismissed form").attr("action"))
			.isEqualTo("/playbook/departments/" + department + "/dismissals/RECRUIT_CHAMPION/delete");
		assertThat(page.select("#dismissed button.restore").attr("aria-label")).isEqualTo("Show again: Recruit a champion");
		assertThat(rules(department)).doesNotContain(Rule.RECRUIT_CHAMPION);

		assertThat(showAgain(department, user)).returns(FlashMessage.Kind.SUCCESS, FlashMessage::kind)
			.returns("playbook.restored", FlashMessage::code);
		assertThat(rules(department)).contains(Rule.RECRUIT_CHAMPION);
		assertThat(playbook.department(department, true).dismissed()).isEmpty();

		// Again (a second tab, a double click): nothing to take back, said as a warning.
		assertThat(showAgain(department, user)).returns(FlashMessage.Kind.WARNING, FlashMessage::kind)
			.returns("playbook.restore.gone", FlashMessage::code);
		mvc.perform(post("/playbook/departments/{id}/dismissals/RECRUIT_CHAMPION/delete", Long.MAX_VALUE).with(csrf())
				.with(SecurityMockMvcRequestPostProcessors.user(user)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/playbook/departments/{id}/dismissals/NO_SUCH_RULE/delete", department).with(csrf())
				.with(SecurityMockMvcRequestPostProcessors.user(user)))
			.andExpect(status().isBadRequest());
	}

	/** Checking in with a stalled department puts "check in" away until the next check-in is due. */
	@Test
	void recording_a_check_in_puts_the_check_in_suggestion_away() {
		long department = departmentAt(Stage.AWARE, 200);
		assertThat(rules(department)).contains(Rule.CHECK_IN);

		note(department, today);

		assertThat(rules(department)).doesNotContain(Rule.CHECK_IN);
	}

	/** An experiment already an idea for the department is taken forward rather than another proposed. */
	@Test
	void an_experiment_already_planned_is_taken_forward() throws Exception {
		long department = departmentAt(Stage.INTERESTED, 5);
		long idea = experiments.idea(TestData.unique("Already an idea"), form -> form.setDepartmentId(department));

		Suggestion propose = suggestion(department, Rule.PROPOSE_EXPERIMENT);

		assertThat(propose.acceptUrl()).isEqualTo("/experiments/" + idea);
		assertThat(propose.reasonKey()).endsWith(".planned");
	}

	/** Titles go into the prefilled form's address as they are: braces (a URI template's variables) are no trouble. */
	@Test
	void titles_with_braces_still_open_the_prefilled_form() throws Exception {
		long department = departmentAt(Stage.INTERESTED, 5);
		RecordForm objection = RecordForm.of(department, today.minusDays(1), EventKind.OBJECTION, "Budget {id} & {next year}");
		objection.setObjectionCategory(ObjectionCategory.VALUE);
		long objectionId = log.record(objection, strategist);

		assertThat(rules(department)).contains(Rule.ANSWER_OBJECTION);
		String location = mvc.perform(get("/playbook/departments/{id}/accept/ANSWER_OBJECTION", department)
				.with(SecurityMockMvcRequestPostProcessors.user(data.user(Role.STRATEGIST))))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/adoption/events/new?department=" + department)
			.contains("answers=" + objectionId)
			.contains("%7Bid%7D")
			.doesNotContain("{");
		mvc.perform(get(java.net.URI.create(location)).with(SecurityMockMvcRequestPostProcessors.user(data.user(Role.STRATEGIST))))
			.andExpect(status().isOk())
			.andExpect(model().attribute("form",
					org.hamcrest.Matchers.hasProperty("title", org.hamcrest.Matchers.is("Answered: Budget {id} & {next year}"))));
	}

	/** Accepting opens the prefilled form: a keen reader on the invitation's form. */
	@Test
	void accepting_recruit_a_champion_opens_the_invitation_form_with_the_keenest_reader() throws Exception {
		long department = data.department();
		long reader = data.person(TestData.unique("Keen Reader"), department);
		read(caseStudies.published(TestData.unique("Read by the keen")), reader, department, 1);
		WaterholeUser user = (WaterholeUser) data.user(Role.STRATEGIST);

		mvc.perform(get("/playbook/departments/{id}/accept/RECRUIT_CHAMPION", department)
				.with(SecurityMockMvcRequestPostProcessors.user(user)))
			.andExpect(redirectedUrl("/champions/invitations/new?person=" + reader));
		mvc.perform(get("/champions/new").param("person", String.valueOf(reader))
				.with(SecurityMockMvcRequestPostProcessors.user(user)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("form",
					org.hamcrest.Matchers.hasProperty("personEmail", org.hamcrest.Matchers.startsWith("keen.reader."))));

		// Once the department has a champion, the suggestion no longer applies.
		champions.champion(reader);
		awaitChampions(department, 1);
		mvc.perform(get("/playbook/departments/{id}/accept/RECRUIT_CHAMPION", department)
				.with(SecurityMockMvcRequestPostProcessors.user(user)))
			.andExpect(redirectedUrl("/playbook/departments/" + department));
	}

	/**
	 * Due 60 days after the last event recorded by hand (30 while experimenting); recording any
	 * event starts the count again.
	 */
	@Test
	void check_ins_fall_due_after_their_interval_and_any_recorded_event_resets_them() {
		long due = departmentAt(Stage.AWARE, 61);
		long notYet = departmentAt(Stage.AWARE, 59);
		long experimenting = departmentAt(Stage.EXPERIMENTING, 31);

		assertThat(checkIn(due).due()).isTrue();
		assertThat(checkIn(due).dueOn()).isEqualTo(today.minusDays(1));
		assertThat(checkIn(notYet).due()).isFalse();
		assertThat(checkIn(experimenting).due()).isTrue();
		assertThat(checkIn(experimenting).intervalDays()).isEqualTo(30);
		long dueBefore = agenda.today().checkIns().total();

		note(due, today);

		assertThat(checkIn(due).due()).isFalse();
		assertThat(checkIn(due).dueOn()).isEqualTo(today.plusDays(60));
		assertThat(agenda.today().checkIns().total()).isEqualTo(dueBefore - 1);
	}

	/**
	 * A department's own interval replaces the usual 60 days; while it experiments, the 30 days for
	 * experimenting apply when they are shorter. The strategist sets it on the department's form.
	 */
	@Test
	void a_department_can_have_its_own_check_in_interval() throws Exception {
		long weekly = data.department(TestData.unique("Every fortnight"), 14);
		stage(weekly, Stage.AWARE, today.minusDays(15));
		long quiet = data.department(TestData.unique("Every four months"), 120);
		stage(quiet, Stage.AWARE, today.minusDays(61));
		long quietExperimenting = data.department(TestData.unique("Four months, experimenting"), 120);
		stage(quietExperimenting, Stage.EXPERIMENTING, today.minusDays(31));

		assertThat(checkIn(weekly)).returns(true, Playbook.CheckIn::due)
			.returns(14, Playbook.CheckIn::intervalDays)
			.returns(today.minusDays(1), Playbook.CheckIn::dueOn);
		assertThat(checkIn(quiet)).returns(false, Playbook.CheckIn::due)
			.returns(today.minusDays(61).plusDays(120), Playbook.CheckIn::dueOn);
		assertThat(checkIn(quietExperimenting)).returns(true, Playbook.CheckIn::due)
			.returns(30, Playbook.CheckIn::intervalDays);
		// Shorter than the 30 days for experimenting: the department's own applies while it experiments too.
		long keenExperimenting = data.department(TestData.unique("Weekly, experimenting"), 7);
		stage(keenExperimenting, Stage.EXPERIMENTING, today.minusDays(8));
		assertThat(checkIn(keenExperimenting)).returns(true, Playbook.CheckIn::due)
			.returns(7, Playbook.CheckIn::intervalDays)
			.returns("playbook.checkIn.interval.own", Playbook.CheckIn::intervalKey);
		long daily = data.department(TestData.unique("Daily"), 1);
		stage(daily, Stage.AWARE, today);
		WaterholeUser user = (WaterholeUser) data.user(Role.STRATEGIST);
		assertThat(Jsoup.parse(mvc.perform(get("/playbook/departments/{id}", daily)
				.with(SecurityMockMvcRequestPostProcessors.user(user)))
			.andReturn().getResponse().getContentAsString()).select(".check-in-interval").text())
			.isEqualTo("Every day, the department’s own interval.");
		assertThat(Jsoup.parse(mvc.perform(get("/playbook/departments/{id}", quietExperimenting)
				.with(SecurityMockMvcRequestPostProcessors.user(user)))
			.andReturn().getResponse().getContentAsString()).select(".check-in-interval").text())
			.isEqualTo("Every 30 days while it is experimenting (its own interval is 120 days).");

		// Cleared on the department's form: the usual 60 days, and the quiet one is due.
		String name = TestData.unique("Back to usual");
		mvc.perform(post("/departments/{id}", quiet).with(csrf()).with(SecurityMockMvcRequestPostProcessors.user(user))
				.param("name", name).param("headcount", "10").param("checkInDays", "").param("version", "0"))
			.andExpect(redirectedUrl("/departments/" + quiet));
		assertThat(checkIn(quiet)).returns(true, Playbook.CheckIn::due)
			.returns(60, Playbook.CheckIn::intervalDays)
			.returns(null, Playbook.CheckIn::ownDays);
		assertThat(Jsoup.parse(mvc.perform(get("/playbook/departments/{id}", quiet)
				.with(SecurityMockMvcRequestPostProcessors.user(user)))
			.andReturn().getResponse().getContentAsString()).select(".check-in-interval").text())
			.isEqualTo("Every 60 days, the usual interval.");
	}

	/** The agenda counts what is due, across the modules, and shows the strategist the first few. */
	@Test
	void the_agenda_gathers_what_is_due() throws Exception {
		AgendaView before = agenda.today();
		long stale = caseStudies.published(TestData.unique("Past its review"),
				form -> form.setReviewBy(today.minusDays(1)));
		long overdue = experiments.running(TestData.unique("Past its end"), today.minusDays(50));
		jdbc.sql("update experiment set planned_start = :start, planned_end = :end where id = :id")
			.param("start", today.minusDays(50))
			.param("end", today.minusDays(2))
			.param("id", overdue)
			.update();
		long department = departmentAt(Stage.AWARE, 100);

		AgendaView after = agenda.today();

		assertThat(after.caseStudies().total()).isEqualTo(before.caseStudies().total() + 1);
		assertThat(after.experiments().total()).isEqualTo(before.experiments().total() + 1);
		assertThat(after.checkIns().total()).isEqualTo(before.checkIns().total() + 1);
		assertThat(after.caseStudies().items()).hasSizeLessThanOrEqualTo(Agenda.ITEMS);
		assertThat(stale).isPositive();

		mvc.perform(get("/").with(SecurityMockMvcRequestPostProcessors.user(data.user(Role.STRATEGIST))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"agenda\"")));
		mvc.perform(get("/").with(SecurityMockMvcRequestPostProcessors.user(data.user(Role.MANAGER))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"agenda\""))));
	}

	/** Managers see the score but not the suggestions, which name people by what they read. */
	@Test
	void managers_see_the_score_and_not_the_suggestions() throws Exception {
		long department = data.department();
		people(department, org.waterhole.adoption.Dashboard.PRIVACY_FLOOR); // below, a manager sees no total
		mvc.perform(get("/playbook/departments/{id}", department)
				.with(SecurityMockMvcRequestPostProcessors.user(data.user(Role.MANAGER))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"readiness-score\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"suggestions\""))));
		mvc.perform(get("/playbook/departments/{id}", department)
				.with(SecurityMockMvcRequestPostProcessors.user(data.user(Role.STRATEGIST))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"suggestion-RECRUIT_CHAMPION\"")));
		mvc.perform(get("/playbook/departments/{id}", Long.MAX_VALUE)
				.with(SecurityMockMvcRequestPostProcessors.user(data.user(Role.MANAGER))))
			.andExpect(status().isNotFound());
	}

	/**
	 * Every demo department gets a score with all its contributions, twelve months of movement,
	 * and suggestions that match its signals, each with a reason the messages can word and a form
	 * to open; the summary is printed for the record.
	 */
	@Test
	void every_demo_department_gets_a_score_its_reasons_and_next_steps() {
		StringBuilder report = new StringBuilder("PlaybookTests: the demo departments today:");
		int demo = 0;
		for (org.waterhole.organization.DepartmentOption option : departments.options()) {
			if (!DEMO_DEPARTMENTS.contains(option.getName())) {
				continue;
			}
			demo++;
			Playbook.DepartmentPlaybook page = playbook.department(option.getId(), true);
			Signals now = page.now();
			assertThat(page.score().contributions()).hasSize(Signal.values().length);
			assertThat(page.movement()).hasSize(13);
			List<Rule> rules = page.suggestions().stream().map(Suggestion::rule).toList();
			assertThat(rules).as(option.getName()).hasSizeLessThanOrEqualTo(3);
			if (now.openObjections() > 0) {
				assertThat(rules).as(option.getName()).contains(Rule.ANSWER_OBJECTION);
			}
			if (now.activeChampions() == 0) {
				assertThat(rules).as(option.getName()).contains(Rule.RECRUIT_CHAMPION);
			}
			page.suggestions().forEach(suggestion -> {
				assertThat(messages.getMessage(suggestion.reasonKey(), suggestion.reasonArgs().toArray(),
						java.util.Locale.ENGLISH)).as(option.getName()).isNotBlank();
				assertThat(suggestion.acceptUrl()).as(option.getName()).startsWith("/");
			});
			report.append("%n  %-30s %-14s score %3d  %s".formatted(option.getName(), now.stage(), page.score().value(),
					rules));
		}
		System.out.println(report);
		assertThat(demo).isEqualTo(DEMO_DEPARTMENTS.size());
	}

	static final java.util.Set<String> DEMO_DEPARTMENTS = java.util.Set.of("Marketing & Communications", "Admissions",
			"Alumni Relations", "Athletics", "Library", "Research Office", "Human Resources", "IT Services",
			"Student Services", "Careers Service", "International Office", "Faculty of Arts & Humanities",
			"Faculty of Science", "Faculty of Medicine", "Finance", "Estates & Facilities");

	private double points(long department, Signal signal) {
		return playbook.department(department, true)
			.score()
			.contributions()
			.stream()
			.filter(c -> c.signal() == signal)
			.findFirst()
			.orElseThrow()
			.shown();
	}

	/** Shows the department's dismissed "recruit a champion" again, as the button does; the flash it leaves. */
	private FlashMessage showAgain(long department, WaterholeUser user) throws Exception {
		return (FlashMessage) mvc
			.perform(post("/playbook/departments/{id}/dismissals/RECRUIT_CHAMPION/delete", department).with(csrf())
				.with(SecurityMockMvcRequestPostProcessors.user(user)))
			.andExpect(redirectedUrl("/playbook/departments/" + department))
			.andReturn()
			.getFlashMap()
			.get(FlashMessage.ATTRIBUTE);
	}

	/** The department's suggestion of the rule, which must be there. */
	private Suggestion suggestion(long department, Rule rule) {
		return playbook.department(department, true)
			.suggestions()
			.stream()
			.filter(s -> s.rule() == rule)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + rule + " suggestion"));
	}

	private List<Rule> rules(long department) {
		return playbook.department(department, true).suggestions().stream().map(Suggestion::rule).toList();
	}

	private Playbook.CheckIn checkIn(long department) {
		return playbook.department(department, false).checkIn();
	}

	private List<Long> people(long department, int count) {
		return IntStream.range(0, count).mapToObj(i -> data.person(department)).toList();
	}

	private void read(long caseStudy, long person, long department, int daysAgo) {
		assertThat(readings.record(caseStudy, person, department, TestClock.now().minus(Duration.ofDays(daysAgo))))
			.isTrue();
	}

	/** A new department that reached the stage {@code daysAgo} days ago. */
	private long departmentAt(Stage stage, int daysAgo) {
		long department = data.department();
		stage(department, stage, today.minusDays(daysAgo));
		return department;
	}

	private void stage(long department, Stage stage, LocalDate on) {
		RecordForm form = RecordForm.of(department, on, EventKind.STAGE_CHANGE, "Now " + stage);
		form.setToStage(stage);
		log.record(form, strategist);
	}

	private void objection(long department, LocalDate on, ObjectionCategory category) {
		RecordForm form = RecordForm.of(department, on, EventKind.OBJECTION, "We doubt it: " + category);
		form.setObjectionCategory(category);
		log.record(form, strategist);
	}

	private void note(long department, LocalDate on) {
		log.record(RecordForm.of(department, on, EventKind.NOTE, "Spoke with them"), strategist);
	}

	private void awaitChampions(long department, long count) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> playbook.department(department, true).now().activeChampions() == count);
	}

}
