package org.waterhole.playbook;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waterhole.adoption.AdoptionLog;
import org.waterhole.adoption.EventKind;
import org.waterhole.adoption.ObjectionCategory;
import org.waterhole.adoption.RecordForm;
import org.waterhole.adoption.Stage;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.casestudy.Readings;
import org.waterhole.champion.ChampionStatus;
import org.waterhole.champion.ChampionsData;
import org.waterhole.champion.VolunteerForm;
import org.waterhole.champion.Volunteering;
import org.waterhole.organization.DepartmentService;
import org.waterhole.shared.Platform;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a suggestion names says why, in plain words, and in the order that helps most: what
 * answered the same kind of objection in another department first; a department's waiting
 * volunteer before its readers; "share these case studies" only with case studies to name; a
 * champion of another department never prefilled without saying where they are from.
 */
@WaterholeTest
class SuggestionReasonsTests {

	@Autowired
	Playbook playbook;

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
	Volunteering volunteering;

	@Autowired
	DepartmentService departments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CacheManager caches;

	@Autowired
	PlatformTransactionManager transactions;

	LocalDate today;

	long strategist;

	@BeforeEach
	void setUp() {
		today = TestClock.today();
		strategist = data.person(null);
	}

	@Test
	void what_answered_the_same_objection_elsewhere_comes_first_and_each_says_why() {
		String elsewhereName = TestData.unique("Answered elsewhere");
		long elsewhere = data.department(elsewhereName);
		String championsHomeName = TestData.unique("Champion's home");
		long championsHome = data.department(championsHomeName);
		// Neither tagged for skills nor relevant to the department: only its answer elsewhere brings it.
		long answeredBefore = caseStudies.published(TestData.unique("How Library trained its staff"));
		long tagged = caseStudies.published(TestData.unique("Training for everyone"), form -> form.setTags("training"));
		long helper = champions.champion(data.person(championsHome), ChampionStatus.ACTIVE, Set.of(Platform.LINKEDIN),
				Set.of("events"), false);
		answered(elsewhere, ObjectionCategory.SKILLS, "CASE_STUDY:" + answeredBefore);
		answered(championsHome, ObjectionCategory.SKILLS, "CHAMPION:" + helper);

		long department = data.department();
		long own = champions.champion(data.person(department), ChampionStatus.ACTIVE, Set.of(Platform.LINKEDIN),
				Set.of("video", "captions"), false);
		objection(department, ObjectionCategory.SKILLS);

		Suggestion answer = suggestion(department, Rule.ANSWER_OBJECTION);

		List<Suggestion.Detail> library = answer.details().stream().filter(d -> d.url().startsWith("/library/")).toList();
		assertThat(library.get(0).url()).isEqualTo("/library/" + answeredBefore);
		assertThat(library.get(0).note()).contains("answered a “Skills” objection in " + elsewhereName + " on ");
		// Others that answered it elsewhere (the demo's), then those tagged for it: each says which.
		assertThat(library).allSatisfy(detail -> assertThat(detail.note()).containsAnyOf(
				"answered a “Skills” objection in ", "tagged for “Skills” objections"));
		assertThat(tagged).isPositive();
		List<Suggestion.Detail> people = answer.details().stream().filter(d -> d.url().startsWith("/champions/")).toList();
		// The department's own champion first, then the one who answered it elsewhere.
		assertThat(people).extracting(Suggestion.Detail::url).startsWith("/champions/" + own, "/champions/" + helper);
		assertThat(people.get(0).note()).isEqualTo("knows captions, video, which “Skills” objections call for; "
				+ "champion in the department");
		assertThat(people.get(1).note()).contains("answered a “Skills” objection in " + championsHomeName)
			.endsWith("champion from " + championsHomeName);
		assertThat(answer.acceptUrl()).contains("answeredWith=CASE_STUDY:" + answeredBefore);
	}

	@Test
	void a_champion_of_another_department_is_prefilled_only_with_where_they_are_from() {
		long department = data.department();
		objection(department, ObjectionCategory.OTHER);
		long taggedFor = data.department();
		objection(taggedFor, ObjectionCategory.SKILLS);
		long tagged = caseStudies.published(TestData.unique("Training for all"), form -> {
			form.setTags("training");
			form.setDepartmentIds(new LinkedHashSet<>(List.of(taggedFor)));
		});
		TransactionTemplate rollingBack = new TransactionTemplate(transactions);
		rollingBack.executeWithoutResult(status -> {
			// Nothing but champions answers it: no tags for "other", and no case study that answered one
			// before is in the library (for this test only: it is rolled back).
			jdbc.sql("""
					update case_study set status = 'ARCHIVED'
					where status = 'PUBLISHED' and id in (select answered_with_id from adoption_event where answered_with = 'CASE_STUDY')
					""").update();
			// Without those, the case studies tagged for the objection's kind come first, and say so.
			Suggestion skills = suggestion(taggedFor, Rule.ANSWER_OBJECTION);
			assertThat(skills.details()).filteredOn(d -> d.url().startsWith("/library/"))
				.isNotEmpty()
				.allSatisfy(d -> assertThat(d.note()).isEqualTo("tagged for “Skills” objections; case study"));
			assertThat(skills.details()).extracting(Suggestion.Detail::url).contains("/library/" + tagged);

			Suggestion answer = suggestion(department, Rule.ANSWER_OBJECTION);
			Suggestion.Detail first = answer.details().stream().filter(d -> d.url().startsWith("/champions/")).findFirst()
				.orElseThrow();
			long champion = Long.parseLong(first.url().substring("/champions/".length()));
			String from = jdbc.sql("select d.name from champion c left join department d on d.id = c.department_id where c.id = ?")
				.param(champion)
				.query(String.class)
				.list()
				.get(0);
			String says = from == null ? "a champion in no department" : "a champion from " + from + " (another department)";
			assertThat(first.note()).endsWith(from == null ? "champion in no department" : "champion from " + from);
			assertThat(answer.acceptUrl()).contains("answeredWith=CHAMPION:" + champion)
				.contains("details=" + encoded(first.label() + ", " + says));

			// Once the department has a champion of its own, they are the one prefilled, with nothing to explain.
			long own = champions.champion(data.person(department));
			Suggestion again = suggestion(department, Rule.ANSWER_OBJECTION);
			assertThat(again.acceptUrl()).contains("answeredWith=CHAMPION:" + own).doesNotContain("details=");
			status.setRollbackOnly();
		});
	}

	@Test
	void a_waiting_volunteer_of_the_department_comes_first_under_recruit_a_champion() {
		long department = data.department();
		long reader = data.person(department);
		readings.record(caseStudies.published(TestData.unique("Read keenly")), reader, department,
				TestClock.now().minus(Duration.ofDays(3)));
		String volunteerName = TestData.unique("Volunteer");
		long volunteer = data.person(volunteerName, department);
		VolunteerForm offer = new VolunteerForm();
		offer.setPitch("Let me help");
		volunteering.volunteer(volunteer, offer);
		// Someone of another department volunteering isn't named here.
		volunteering.volunteer(data.person(data.department()), offer);

		Suggestion recruit = suggestion(department, Rule.RECRUIT_CHAMPION);

		assertThat(recruit.details()).extracting(Suggestion.Detail::label, Suggestion.Detail::url)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(volunteerName, "/champions/requests"),
					org.assertj.core.groups.Tuple.tuple(recruit.details().get(1).label(),
							"/champions/invitations/new?person=" + reader));
		assertThat(recruit.details().get(0).note()).startsWith("offered to volunteer on ");
		assertThat(recruit.acceptUrl()).isEqualTo("/champions/requests");
		assertThat(recruit.acceptKey()).isEqualTo("playbook.accept.RECRUIT_CHAMPION.volunteer");
	}

	@Test
	void share_case_studies_is_suggested_only_with_case_studies_to_name() {
		long department = data.department();
		List<Long> people = java.util.stream.IntStream.range(0, 10).mapToObj(i -> data.person(department)).toList();
		stage(department, Stage.AWARE);
		// Every published case study for the department read, long ago (the reach stays low).
		List<Long> published = jdbc.sql("""
				select id from case_study cs where status = 'PUBLISHED'
				  and (exists (select 1 from case_study_department d where d.case_study_id = cs.id and d.department_id = ?)
				       or not exists (select 1 from case_study_department d where d.case_study_id = cs.id))
				""").param(department).query(Long.class).list();
		Instant longAgo = TestClock.now().minus(Duration.ofDays(200));
		published.forEach(id -> readings.record(id, people.get(0), department, longAgo));

		assertThat(rules(department)).doesNotContain(Rule.SHARE_CASE_STUDIES);
		assertThat(playbook.acceptUrl(department, Rule.SHARE_CASE_STUDIES)).isEmpty();

		String title = TestData.unique("New for them");
		long fresh = caseStudies.published(title, form -> form.setDepartmentIds(new LinkedHashSet<>(List.of(department))));
		caches.getCacheNames().forEach(name -> caches.getCache(name).clear());

		Suggestion share = suggestion(department, Rule.SHARE_CASE_STUDIES);
		assertThat(share.details()).extracting(Suggestion.Detail::url).containsExactly("/library/" + fresh);
		assertThat(share.details().get(0).note()).isEqualTo("not read in the department yet");
		assertThat(share.acceptUrl()).contains("details=" + encoded(title));
	}

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

	private static String note(List<Suggestion.Detail> details, String url) {
		return details.stream().filter(d -> d.url().equals(url)).findFirst().orElseThrow().note();
	}

	private static String encoded(String text) {
		return org.springframework.web.util.UriUtils.encodeQueryParam(text, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** An objection of the category in the department, answered today with {@code answeredWith}. */
	private void answered(long department, ObjectionCategory category, String answeredWith) {
		long objection = objection(department, category);
		RecordForm answer = RecordForm.of(department, today, EventKind.NOTE, "Answered it");
		answer.setAnswersId(objection);
		answer.setAnsweredWith(answeredWith);
		log.record(answer, strategist);
	}

	private long objection(long department, ObjectionCategory category) {
		RecordForm form = RecordForm.of(department, today.minusDays(1), EventKind.OBJECTION, "We doubt it: " + category);
		form.setObjectionCategory(category);
		return log.record(form, strategist);
	}

	private void stage(long department, Stage stage) {
		RecordForm form = RecordForm.of(department, today, EventKind.STAGE_CHANGE, "Now " + stage);
		form.setToStage(stage);
		log.record(form, strategist);
	}

}
