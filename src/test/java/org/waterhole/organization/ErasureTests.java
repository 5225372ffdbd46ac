package org.waterhole.organization;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waterhole.adoption.AdoptionLog;
import org.waterhole.adoption.Dashboard;
import org.waterhole.adoption.DashboardFilter;
import org.waterhole.adoption.DashboardView;
import org.waterhole.adoption.EventKind;
import org.waterhole.adoption.RecordForm;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.casestudy.DepartmentInterest;
import org.waterhole.casestudy.Readings;
import org.waterhole.champion.ActivityForm;
import org.waterhole.champion.ActivityKind;
import org.waterhole.champion.ChampionForm;
import org.waterhole.champion.ChampionInvitations;
import org.waterhole.champion.ChampionService;
import org.waterhole.champion.ChampionStatus;
import org.waterhole.champion.InvitationForm;
import org.waterhole.champion.VolunteerForm;
import org.waterhole.champion.Volunteering;
import org.waterhole.shared.Platform;
import org.waterhole.shared.Texts;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.Visitor;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The strategist erases a person who has everything Waterhole can hold about someone; afterwards
 * no text column of any table (history, event registry and sessions included) holds their names
 * or emails, and their department's figures up to the day before are what they were, but for its
 * people: a former member is no longer one of them, as a person who left.
 */
@WaterholeTest
class ErasureTests {

	/** Where a leftover delivery that never succeeded is kept (no such listener exists). */
	private static final String NOBODY = "org.waterhole.organization.ErasureTests.nobody()";

	/** Every text-like column of every table of the schema, the bytes of session attributes too. */
	private static final String TEXT_COLUMNS = """
			select c.table_name, c.column_name, c.data_type from information_schema.columns c
			join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
			where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
			  and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
			order by c.table_name, c.column_name
			""";

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	PersonService people;

	@Autowired
	AccountService accounts;

	@Autowired
	DepartmentService departments;

	@Autowired
	ChampionService champions;

	@Autowired
	ChampionInvitations invitations;

	@Autowired
	Volunteering volunteering;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	Readings readings;

	@Autowired
	AdoptionLog adoption;

	@Autowired
	Dashboard dashboard;

	@Autowired
	DepartmentInterest interest;

	@Autowired
	CacheManager caches;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonErasure erasure;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void an_erased_person_is_nowhere_in_the_database_and_their_department_s_figures_stay() {
		Someone someone = someoneWithEverything();
		assertThat(mentions(someone.terms())).as("before erasure, the scan finds the person").isNotEmpty();
		Figures before = figures(someone.department());
		Dashboard.ReachRow reachBefore = reachToday(someone.department());

		erase(someone.eraserEmail(), someone.personId(), someone.terms().get(1));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(jdbc.sql("select status from champion where id = :id").param("id", someone.champion())
				.query(String.class).single()).isEqualTo(ChampionStatus.ALUMNI.name());
			assertThat(jdbc.sql("select count(*) from adoption_event where subject_id = :id and kind = 'CHAMPION_LEFT'")
				.param("id", someone.champion()).query(Long.class).single()).isOne();
			awaitDelivered();
		});
		try {
			assertThat(mentions(someone.terms())).isEmpty();
			assertThat(figures(someone.department())).isEqualTo(before);
			assertOneFewerPerson(reachBefore, reachToday(someone.department()));
			assertFormerMember(someone);
		}
		finally {
			jdbc.sql("delete from event_publication where listener_id = :listener").param("listener", NOBODY).update();
		}
	}

	/**
	 * A strategist with a renamed history, an account, sessions, a failed sign-in and a password
	 * link, a revision of their own, a champion profile with an activity, a volunteer request and an
	 * invitation, readings and a helpful mark, a note that names them, and an event for a listener
	 * that failed; everything delivered.
	 */
	private Someone someoneWithEverything() {
		long department = data.department();
		for (int i = 0; i < 5; i++) {
			data.person(department);
		}
		String firstName = TestData.unique("Ottoline Vexley");
		String name = TestData.unique("Ottoline Vexley-Brandt");
		String email = TestData.email(name);
		long personId = data.person(firstName, department);
		rename(personId, name, email);
		accounts.create(strategistAccount(personId));
		String eraserEmail = data.account(Role.STRATEGIST, null);
		long eraserId = ((WaterholeUser) data.user(eraserEmail)).getPersonId();
		invite(email, name, eraserId);
		volunteer(personId, name);
		long champion = champion(email, name);
		logActivity(champion, name, personId);
		authorARevision(email, department);
		readAndMarkHelpful(personId, department);
		note(department, name, email, eraserId);
		Visitor signedIn = signIn(email);
		new Visitor(port).signIn(email, "not the password");
		new Visitor(port).post("/password/forgot", Map.of("email", email), true);
		failedDelivery(champion, personId, name);
		awaitDelivered();
		return new Someone(personId, department, champion, eraserEmail, signedIn,
				List.of(firstName, name, TestData.email(firstName), email));
	}

	private void assertFormerMember(Someone someone) {
		assertThat(someone.signedIn().get("/departments").location()).contains("/login");
		assertThat(jdbc.sql("select name, email, job_title, erased_at is not null from person where id = :id")
			.param("id", someone.personId())
			.query((rs, n) -> List.of(rs.getString(1), String.valueOf(rs.getString(2)), String.valueOf(rs.getString(3)),
					rs.getBoolean(4)))
			.single()).containsExactly("Former member", "null", "null", true);
		assertThat(jdbc.sql("select count(*) from account where person_id = :id").param("id", someone.personId())
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				select (select count(*) from case_study_reading where person_id = :id)
				     + (select count(*) from case_study_helpful where person_id = :id)
				""").param("id", someone.personId()).query(Long.class).single())
			.as("named readings and helpful marks, folded into counts").isZero();
		assertThat(jdbc.sql("select title from adoption_event where subject_id = :id and kind like 'CHAMPION%'")
			.param("id", someone.champion()).query(String.class).list()).containsOnly("Former member");
		assertThat(jdbc.sql("select serialized_event from event_publication where listener_id = :listener")
			.param("listener", NOBODY).query(String.class).single()).contains("\"name\":\"Former member\"");
	}

	/** A delivery that failed and waits: its copy of the name is replaced, not deleted. */
	private void failedDelivery(long champion, long personId, String name) {
		jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				                               completion_attempts)
				values (gen_random_uuid(), :listener, 'org.waterhole.champion.ChampionJoined', :event, now(), 'FAILED', 1)
				""")
			.param("listener", NOBODY)
			.param("event", "{\"championId\":" + champion + ",\"personId\":" + personId + ",\"name\":\"" + name + "\"}")
			.update();
	}

	/** The person to erase, who erases them, and the names and emails (the second: the name now). */
	record Someone(long personId, long department, long champion, String eraserEmail, Visitor signedIn,
			List<String> terms) {
	}

	@Test
	void a_wrong_or_missing_name_erases_nothing_and_says_so() throws Exception {
		String name = TestData.unique("Wrong Name Person");
		long personId = data.person(name, data.department());
		mvc.perform(post("/people/{id}/erase", personId).param("confirmation", "Someone Else")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "confirmation", "people.erase.mismatch"))
			.andExpect(content().string(containsString("That is not this person’s name: nothing was erased.")));
		mvc.perform(post("/people/{id}/erase", personId).param("confirmation", " ")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "confirmation"));
		assertThat(people.nameOf(personId)).contains(name);
		assertThat(people.emailOf(personId)).contains(TestData.email(name));
	}

	@Test
	void the_page_says_what_will_happen_and_asks_for_the_name() throws Exception {
		String name = TestData.unique("Page Person");
		long personId = data.person(name, null);
		mvc.perform(get("/people/{id}/erase", personId).with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Type " + name + " to confirm")))
			.andExpect(content().string(containsString("their department’s figures stay as they were")));
	}

	@Test
	void only_the_strategist_erases() throws Exception {
		String name = TestData.unique("Protected Person");
		long personId = data.person(name, null);
		for (Role role : List.of(Role.STAFF, Role.MANAGER)) {
			mvc.perform(get("/people/{id}/erase", personId).with(data.as(role))).andExpect(status().isForbidden());
			mvc.perform(post("/people/{id}/erase", personId).param("confirmation", name)
				.with(csrf())
				.with(data.as(role))).andExpect(status().isForbidden());
		}
		mvc.perform(post("/people/{id}/erase", personId).param("confirmation", name).with(data.as(Role.STRATEGIST)))
			.andExpect(status().isForbidden());
		assertThat(people.nameOf(personId)).contains(name);
	}

	@Test
	void a_strategist_cannot_erase_themself() throws Exception {
		UserDetails strategist = data.user(Role.STRATEGIST);
		long self = ((WaterholeUser) strategist).getPersonId();
		String name = people.nameOf(self).orElseThrow();
		mvc.perform(get("/people/{id}/erase", self).with(user(strategist)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You can’t erase yourself")));
		mvc.perform(post("/people/{id}/erase", self).param("confirmation", name).with(csrf()).with(user(strategist)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You can’t erase yourself")));
		assertThat(people.nameOf(self)).contains(name);
	}

	@Test
	void a_former_member_is_not_offered_as_a_current_person() throws Exception {
		long department = data.department();
		String name = TestData.unique("Leaving Person");
		long personId = data.person(name, department);
		String eraserEmail = data.account(Role.STRATEGIST, null);
		erase(eraserEmail, personId, name);

		assertThat(people.page(null, department, Pageable.unpaged()).getContent()).isEmpty();
		assertThat(people.withoutAccount("", 1000)).noneMatch(option -> option.getId() == personId);
		assertThat(people.idByEmail(TestData.email(name))).isEmpty();
		assertThat(people.namesIn(department, List.of(personId))).isEmpty();
		mvc.perform(get("/people/{id}/edit", personId).with(data.as(Role.STRATEGIST))).andExpect(status().isNotFound());
		// A CSV row with the old email makes a new person: nothing joins them to the former member.
		long again = data.person(name, department);
		assertThat(again).isNotEqualTo(personId);
	}

	@Test
	void the_champion_profile_holds_no_name_or_email_as_soon_as_the_erasure_returns() {
		String name = TestData.unique("Quillon Marrowby");
		String email = TestData.email(name);
		long personId = data.person(name, data.department());
		long champion = champion(email, name);
		String eraserEmail = data.account(Role.STRATEGIST, null);
		awaitDelivered();

		erase(eraserEmail, personId, name);

		// No waiting: the champion's part is done in the erasing transaction.
		assertThat(jdbc.sql("select person_name, coalesce(person_email, ''), coalesce(pitch, ''), status from champion where id = :id")
			.param("id", champion)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single()).containsExactly(PersonErased.FORMER_MEMBER, "", "", ChampionStatus.ALUMNI.name());
		assertThat(mentions(List.of(name, email))).isEmpty();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc
			.sql("select title from adoption_event where subject_id = :id and kind = 'CHAMPION_LEFT'")
			.param("id", champion)
			.query(String.class)
			.list()).as("the adoption history hears that the coverage ended").containsExactly(PersonErased.FORMER_MEMBER));
	}

	/**
	 * A request already under way when the person is erased (signed in before) opens a case study
	 * and marks it helpful: it waits for the erasure, then records nothing that names them.
	 */
	@Test
	void a_reading_under_way_while_the_person_is_erased_is_not_recorded() throws Exception {
		long department = data.department();
		String name = TestData.unique("Pell Orrinby");
		long personId = data.person(name, department);
		long eraserId = data.person(TestData.unique("Eraser Person"), null);
		long study = caseStudies.published(TestData.unique("Under way study"));
		CountDownLatch erased = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService requests = Executors.newFixedThreadPool(3);
		try {
			Future<?> erasing = requests.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
				erasure.erase(personId, name, eraserId);
				erased.countDown();
				awaitQuietly(commit);
			}));
			assertThat(erased.await(30, TimeUnit.SECONDS)).isTrue();
			Instant now = TestClock.now();
			Future<Boolean> reading = requests.submit(() -> readings.record(study, personId, department, now));
			Future<Integer> marking = requests.submit(() -> readings.markHelpful(study, personId, department, true, now));
			await().atMost(Duration.ofSeconds(30)).until(this::waitingForALock, count -> count >= 2);
			commit.countDown();
			erasing.get(30, TimeUnit.SECONDS);
			assertThat(reading.get(30, TimeUnit.SECONDS)).as("counted as a reading").isFalse();
			assertThat(marking.get(30, TimeUnit.SECONDS)).as("helpful count").isZero();
		}
		finally {
			commit.countDown();
			requests.shutdownNow();
		}
		assertThat(jdbc.sql("""
				select (select count(*) from case_study_reading where person_id = :id)
				     + (select count(*) from case_study_helpful where person_id = :id)
				""").param("id", personId).query(Long.class).single()).isZero();
	}

	/** How many statements of this database wait for a lock. */
	private long waitingForALock() {
		return jdbc.sql("select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")
			.query(Long.class)
			.single();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void a_name_is_replaced_as_a_whole_word_whatever_its_punctuation_and_case() {
		assertThat(replaced("Ask al (bo) o'neil.*, not Alfred or SAl (Bo) O'Neil.*", "Al (Bo) O'Neil.*"))
			.isEqualTo("Ask Former member, not Alfred or SAl (Bo) O'Neil.*");
		assertThat(replaced("Alfredo and alfred", "Alfred")).isEqualTo("Alfredo and Former member");
		assertThat(replaced("{\"name\":\"Name\",\"email\":\"n@x.org\"}", "name"))
			.isEqualTo("{\"name\":\"Former member\",\"email\":\"n@x.org\"}");
		// Letters beyond ASCII, first and last, in any case, next to typographic punctuation.
		assertThat(replaced("Ask zoë åberg’s team, «Zoë Åberg» or “ZOË ÅBERG”; not Zoë Åbergsson", "Zoë Åberg"))
			.isEqualTo("Ask Former member’s team, «Former member» or “Former member”; not Zoë Åbergsson");
		assertThat(replaced("Ångström’s notes, by ångström—not Ångströmsdotter nor Ångström2", "Ångström"))
			.isEqualTo("Former member’s notes, by Former member—not Ångströmsdotter nor Ångström2");
		assertThat(replaced("Björk sails from Björkö with björk", "Björk"))
			.isEqualTo("Former member sails from Björkö with Former member");
	}

	/**
	 * The text with the term replaced as the erasure replaces names in events; the same in the
	 * database's own locale and in the C locale, where the letters beyond ASCII are not those of a word.
	 */
	private String replaced(String text, String term) {
		String pattern = Texts.wordPattern(term) + "(?!\"\\s*:)";
		String replaced = jdbc.sql("select regexp_replace(:text, :pattern, 'Former member', 'gi')")
			.param("text", text)
			.param("pattern", pattern)
			.query(String.class)
			.single();
		assertThat(jdbc.sql("select regexp_replace(cast(:text as text) collate \"C\", :pattern, 'Former member', 'gi')")
			.param("text", text)
			.param("pattern", pattern)
			.query(String.class)
			.single()).as("in the C locale, as in the database's (%s)", locale()).isEqualTo(replaced);
		return replaced;
	}

	/** The database's locale, for a failure's message: the replacement must not depend on it. */
	private String locale() {
		return jdbc.sql("select datcollate || ' / ' || datctype from pg_database where datname = current_database()")
			.query(String.class)
			.single();
	}

	private void erase(String eraserEmail, long personId, String name) {
		Visitor eraser = signIn(eraserEmail);
		Visitor.Page page = eraser.get("/people/" + personId + "/erase");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Type " + name + " to confirm");
		Visitor.Page erased = eraser.post("/people/" + personId + "/erase", Map.of("confirmation", name), true);
		assertThat(erased.status()).isEqualTo(302);
		assertThat(erased.location()).endsWith("/people");
	}

	private Visitor signIn(String email) {
		Visitor visitor = new Visitor(port);
		assertThat(visitor.signIn(email, TestData.PASSWORD).location()).endsWith("/");
		assertThat(visitor.get("/").status()).isEqualTo(200);
		return visitor;
	}

	/** A change of name, email and job title: the old ones are in the person's history. */
	private void rename(long personId, String name, String email) {
		PersonForm form = people.form(personId);
		form.setName(name);
		form.setEmail(email);
		form.setJobTitle("Keeper of the " + name + " papers");
		people.update(personId, form);
	}

	private static AccountForm strategistAccount(long personId) {
		AccountForm form = new AccountForm();
		form.setPersonId(personId);
		form.setRole(Role.STRATEGIST);
		form.setPassword(TestData.PASSWORD);
		return form;
	}

	private void invite(String email, String name, long invitedBy) {
		InvitationForm form = new InvitationForm();
		form.setPersonEmail(email);
		form.setMessage("Dear " + name + ", would you carry the message?");
		form.setPitch(name + " knows video.");
		form.setPlatforms(Set.of(Platform.LINKEDIN));
		invitations.invite(form, invitedBy);
	}

	private void volunteer(long personId, String name) {
		VolunteerForm form = new VolunteerForm();
		form.setPitch("I am " + name + " and I post already.");
		form.setPlatforms(Set.of(Platform.INSTAGRAM));
		form.setSkills("video");
		volunteering.volunteer(personId, form);
	}

	private long champion(String email, String name) {
		ChampionForm form = new ChampionForm();
		form.setPersonEmail(email);
		form.setSince(TestClock.today().minusDays(100));
		form.setStatus(ChampionStatus.ACTIVE);
		form.setPitch("Ask " + name + " about reels.");
		form.setPlatforms(Set.of(Platform.LINKEDIN));
		form.setSkills("video");
		return champions.create(form);
	}

	private void logActivity(long champion, String name, long recordedBy) {
		ActivityForm form = new ActivityForm();
		form.setOccurredOn(TestClock.today().minusDays(10));
		form.setKind(ActivityKind.TRAINING);
		form.setDescription(name + " trained the team.");
		form.setLink("https://example.org/" + name.replace(' ', '-'));
		form.setReach(12);
		champions.logActivity(champion, form, recordedBy);
	}

	/** The person, a strategist, edits a department: the revision's author is them. */
	private void authorARevision(String email, long department) {
		WaterholeUser author = (WaterholeUser) data.user(email);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(author, null, author.getAuthorities()));
		try {
			DepartmentDetails details = departments.details(department);
			DepartmentForm form = new DepartmentForm();
			form.setName(details.name());
			form.setHeadcount(details.headcount());
			form.setDescription("Edited by one of its people.");
			form.setVersion(details.version());
			departments.update(department, form);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void readAndMarkHelpful(long personId, long department) {
		long study = caseStudies.published(TestData.unique("Erasure study"));
		Instant at = TestClock.now().minus(2, ChronoUnit.DAYS);
		readings.record(study, personId, department, at);
		readings.markHelpful(study, personId, department, true, at);
	}

	private void note(long department, String name, String email, long recordedBy) {
		RecordForm form = new RecordForm();
		form.setKind(EventKind.NOTE);
		form.setDepartmentId(department);
		form.setOccurredOn(TestClock.today().minusDays(5));
		form.setTitle("Talked with " + name);
		form.setDetails("Reach them at " + email + "; " + name + " will ask the team.");
		adoption.record(form, recordedBy);
	}

	/** Every delivery of an event to a listener has been made (but the one that never will). */
	private void awaitDelivered() {
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
			.sql("select count(*) from event_publication where completion_date is null and listener_id <> :listener")
			.param("listener", NOBODY)
			.query(Long.class)
			.single() == 0);
	}

	/** Where (table.column) any of the terms is found, whatever its case. */
	private List<String> mentions(List<String> terms) {
		List<String> found = new ArrayList<>();
		jdbc.sql(TEXT_COLUMNS).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list()
			.forEach(column -> {
				String condition = column.get(2).equals("bytea")
						? "position(convert_to(:term, 'UTF8') in \"%s\") > 0"
						: "strpos(lower(\"%s\"::text), lower(:term)) > 0";
				for (String term : terms) {
					long count = jdbc.sql("select count(*) from \"" + column.get(0) + "\" where "
							+ condition.formatted(column.get(1)))
						.param("term", term)
						.query(Long.class)
						.single();
					if (count > 0) {
						found.add(column.get(0) + "." + column.get(1) + " has " + term);
					}
				}
			});
		return found;
	}

	/** The department's figures up to yesterday, read afresh (no cache). */
	private Figures figures(long department) {
		caches.getCacheNames().forEach(cache -> caches.getCache(cache).clear());
		DashboardFilter filter = new DashboardFilter();
		filter.setDepartment(List.of(department));
		filter.setFrom(TestClock.today().minusDays(90));
		filter.setTo(TestClock.today().minusDays(1));
		DashboardView view = dashboard.view(filter);
		return new Figures(view.coverage(), view.reach(), view.months(), view.baseline(), view.experiments(),
				interest.figures(List.of(department), List.of(TestClock.today().minusDays(1), TestClock.today())));
	}

	/**
	 * Today's reach of the department: its readers as they were, its people one fewer (a former
	 * member is no longer one of them, as a person who left), so its share is of its current people.
	 */
	private void assertOneFewerPerson(Dashboard.ReachRow before, Dashboard.ReachRow after) {
		assertThat(after.readers()).as("the readers, the erased one folded in").isEqualTo(before.readers()).isOne();
		assertThat(after.people()).as("a former member is no longer one of its people").isEqualTo(before.people() - 1);
		assertThat(after.percent()).isEqualTo(Math.round(100.0 * after.readers() / after.people()));
	}

	/** The department's reach over the 90 days up to today, read afresh (no cache). */
	private Dashboard.ReachRow reachToday(long department) {
		caches.getCacheNames().forEach(cache -> caches.getCache(cache).clear());
		DashboardFilter filter = new DashboardFilter();
		filter.setDepartment(List.of(department));
		List<Dashboard.ReachRow> reach = dashboard.view(filter).reach();
		assertThat(reach).hasSize(1);
		return reach.get(0);
	}

	record Figures(Dashboard.Coverage coverage, List<Dashboard.ReachRow> reach, List<Dashboard.MonthRow> months,
			Dashboard.MonthRow baseline, Dashboard.ExperimentFigures experiments,
			List<DepartmentInterest.Figures> interest) {
	}

}
