package org.waterhole.champion;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.organization.ImportReport;
import org.waterhole.organization.PeopleImport;
import org.waterhole.organization.PersonForm;
import org.waterhole.organization.PersonService;
import org.waterhole.organization.PersonUpdated;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.DuplicateException;
import org.waterhole.shared.Platform;
import org.waterhole.shared.web.FlashMessage;
import org.waterhole.support.Overlap;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WaterholeTest
@RecordApplicationEvents
class ChampionDirectoryTests {

	@Autowired
	ChampionsData champions;

	@Autowired
	ChampionService service;

	@Autowired
	Directory directory;

	@Autowired
	Volunteering volunteering;

	@Autowired
	TestData data;

	@Autowired
	PersonService people;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	MockMvc mvc;

	@Autowired
	Overlap overlap;

	@Autowired
	Clock clock;

	@Test
	void coverage_counts_active_champions_and_their_activities_of_the_last_90_days_where_they_were_logged() {
		long covered = data.department();
		long pausedOnly = data.department();
		long movedTo = data.department();
		long active = champions.champion(data.person(covered));
		long paused = champions.champion(data.person(covered), ChampionStatus.PAUSED, Set.of(), Set.of(), false);
		champions.champion(data.person(covered), ChampionStatus.ALUMNI, Set.of(), Set.of(), false);
		long pausedElsewhere = champions.champion(data.person(pausedOnly), ChampionStatus.PAUSED, Set.of(), Set.of(),
				false);
		long moverPerson = data.person(covered);
		long mover = champions.champion(moverPerson);
		long recorder = data.person(null);
		LocalDate today = LocalDate.now(clock);
		champions.activity(active, today, recorder);
		champions.activity(active, today.minusDays(89), recorder); // the first day of the window
		champions.activity(active, today.minusDays(90), recorder); // one day too old
		champions.activity(active, today.minusDays(400), recorder);
		// Paused champions' activities don't count, recent or not.
		champions.activity(paused, today.minusDays(30), recorder);
		champions.activity(paused, today.minusDays(3), recorder);
		champions.activity(pausedElsewhere, today.minusDays(3), recorder);
		// An activity counts where the champion was when it was logged.
		champions.activity(mover, today.minusDays(5), recorder);
		PersonForm move = people.form(moverPerson);
		move.setDepartmentId(movedTo);
		people.update(moverPerson, move);
		champions.activity(mover, today.minusDays(1), recorder);

		Map<Long, Directory.Coverage> coverage = directory.coverage(Sort.unsorted())
			.stream()
			.collect(Collectors.toMap(Directory.Coverage::departmentId, c -> c));
		assertThat(coverage.get(covered).activeChampions()).isEqualTo(1);
		assertThat(coverage.get(covered).recentActivities()).isEqualTo(3);
		assertThat(coverage.get(covered).uncovered()).isFalse();
		assertThat(coverage.get(movedTo).activeChampions()).isEqualTo(1);
		assertThat(coverage.get(movedTo).recentActivities()).isEqualTo(1);
		assertThat(coverage.get(pausedOnly).activeChampions()).isZero();
		assertThat(coverage.get(pausedOnly).recentActivities()).isZero();
		assertThat(coverage.get(pausedOnly).uncovered()).isTrue();

		var rows = directory.coverage(Sort.unsorted());
		int firstCovered = rows.indexOf(rows.stream().filter(r -> !r.uncovered()).findFirst().orElseThrow());
		assertThat(rows.subList(0, firstCovered)).allMatch(Directory.Coverage::uncovered);
		assertThat(rows.subList(firstCovered, rows.size())).noneMatch(Directory.Coverage::uncovered);
	}

	@Test
	void coverage_sorts_by_the_column_asked_for_and_ignores_unknown_ones() throws Exception {
		assertThat(directory.coverage(Sort.by(Sort.Direction.DESC, "active")))
			.isSortedAccordingTo((a, b) -> Long.compare(b.activeChampions(), a.activeChampions()));
		assertThat(directory.coverage(Sort.by("recent")))
			.isSortedAccordingTo((a, b) -> Long.compare(a.recentActivities(), b.recentActivities()));
		// PostgreSQL's collation and Java's order agree on letters, digits and spaces (other tests
		// leave departments named with markup, emoji and other scripts).
		assertThat(directory.coverage(Sort.by(Sort.Direction.DESC, "department")))
			.extracting(Directory.Coverage::departmentName)
			.filteredOn(name -> name.matches("[A-Za-z0-9 ]+"))
			.isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
		assertThat(directory.coverage(Sort.by("nosuchcolumn"))).isEqualTo(directory.coverage(Sort.unsorted()));

		MvcResult page = mvc.perform(get("/champions/coverage").queryParam("sort", "active,desc")
			.with(data.as(Role.STAFF))).andExpect(status().isOk()).andReturn();
		Document html = Jsoup.parse(ChampionPages.body(page));
		assertThat(html.select("th[aria-sort=descending]").text()).contains("Active champions");
		assertThat(html.select("th[aria-sort=none] a").eachAttr("href")).contains("/champions/coverage?sort=department%2Casc");
		List<String> shown = html.select("main table tbody tr td:first-child a").eachText();
		assertThat(shown).isEqualTo(directory.coverage(Sort.by(Sort.Direction.DESC, "active"))
			.stream()
			.map(Directory.Coverage::departmentName)
			.map(name -> name.strip().replaceAll("\\s+", " ")) // as a page shows a name with line breaks
			.toList());
	}

	@Test
	void most_active_ranks_active_champions_by_their_activities_of_the_last_90_days() {
		long department = data.department();
		long busy = champions.champion(data.person(department));
		long lessBusy = champions.champion(data.person(department));
		long paused = champions.champion(data.person(department), ChampionStatus.PAUSED, Set.of(), Set.of(), false);
		long quietOfLate = champions.champion(data.person(department));
		long recorder = data.person(null);
		LocalDate today = LocalDate.now(clock);
		for (int i = 0; i < 3; i++) {
			champions.activity(busy, today.minusDays(i), recorder);
		}
		champions.activity(lessBusy, today, recorder);
		for (int i = 0; i < 5; i++) {
			champions.activity(paused, today.minusDays(i), recorder);
		}
		champions.activity(quietOfLate, today.minusDays(200), recorder);

		List<ChampionCard> ranked = directory.mostActive(100_000);
		List<Long> ids = ranked.stream().map(ChampionCard::id).toList();
		assertThat(ids).contains(busy, lessBusy).doesNotContain(paused, quietOfLate);
		assertThat(ids.indexOf(busy)).isLessThan(ids.indexOf(lessBusy));
		assertThat(ranked).allMatch(card -> card.status() == ChampionStatus.ACTIVE && card.recentActivities() > 0);
		assertThat(ranked.get(ids.indexOf(busy)).recentActivities()).isEqualTo(3);
		assertThat(ranked).extracting(ChampionCard::recentActivities).isSortedAccordingTo((a, b) -> Long.compare(b, a));
	}

	@Test
	void the_directory_filters_and_puts_my_department_first() {
		String word = "zq" + TestData.unique("").strip();
		long mine = data.department();
		long other = data.department();
		long inOther = champions.champion(data.person("Aaron " + word, other), ChampionStatus.ACTIVE,
				Set.of(Platform.TIKTOK), Set.of("video"), true);
		long inMine = champions.champion(data.person("Zed " + word, mine), ChampionStatus.ACTIVE,
				Set.of(Platform.TIKTOK, Platform.X), Set.of("captions"), false);
		long pausedOne = champions.champion(data.person("Paused " + word, mine), ChampionStatus.PAUSED,
				Set.of(Platform.TIKTOK), Set.of("video"), true);

		DirectoryFilter filter = new DirectoryFilter();
		filter.setQ(word);
		assertThat(ids(filter, mine)).containsExactly(inMine, inOther);
		assertThat(ids(filter, null)).containsExactly(inOther, inMine);

		// Those without a department come last, whatever their name; pages follow the same order.
		long nowhere = champions.champion(data.person("Abe " + word, null), ChampionStatus.ACTIVE,
				Set.of(Platform.TIKTOK), Set.of("podcasts"), false);
		assertThat(ids(filter, mine)).containsExactly(inMine, inOther, nowhere);
		assertThat(ids(filter, null)).containsExactly(inOther, inMine, nowhere);
		assertThat(directory.page(filter, mine, PageRequest.of(1, 1)).getContent()).extracting(ChampionCard::id)
			.containsExactly(inOther);
		assertThat(directory.page(filter, mine, PageRequest.of(2, 1)).getContent()).extracting(ChampionCard::id)
			.containsExactly(nowhere);

		filter.setPlatform(Platform.X);
		assertThat(ids(filter, mine)).containsExactly(inMine);
		filter.setPlatform(null);
		filter.setSkill("Video");
		assertThat(ids(filter, mine)).containsExactly(inOther);
		filter.setSkill(null);
		filter.setMentoring(true);
		assertThat(ids(filter, mine)).containsExactly(inOther);
		filter.setMentoring(null);
		filter.setStatus("");
		assertThat(ids(filter, mine)).containsExactlyInAnyOrder(inMine, pausedOne, inOther, nowhere);
		filter.setStatus("PAUSED");
		assertThat(ids(filter, mine)).containsExactly(pausedOne);

		DirectoryFilter bySkillText = new DirectoryFilter();
		bySkillText.setQ("captio");
		bySkillText.setDepartment(mine);
		assertThat(ids(bySkillText, null)).contains(inMine);
	}

	@Test
	void the_search_finds_a_skill_however_it_is_written() {
		long department = data.department();
		long champion = champions.champion(data.person(department), ChampionStatus.ACTIVE, Set.of(),
				Set.of("alt-text"), false);
		champions.champion(data.person(department), ChampionStatus.ACTIVE, Set.of(), Set.of("video"), false);
		for (String query : List.of("alt text", "Alt Text", "#alt-text", "alt-text", "ALT_TEXT", " alt  text ")) {
			DirectoryFilter filter = new DirectoryFilter();
			filter.setQ(query);
			filter.setDepartment(department);
			assertThat(ids(filter, null)).as(query).containsExactly(champion);
		}
	}

	@Test
	void a_person_is_one_champion_at_most() {
		long person = data.person(null);
		champions.champion(person);
		assertThatThrownBy(() -> champions.champion(person)).isInstanceOf(DuplicateException.class);
	}

	/**
	 * The champion form opened for a person (from a playbook suggestion) who is on record as a
	 * champion already, paused say, leads to their profile with a word on how to ask them back;
	 * anyone else gets the form with their email.
	 */
	@Test
	void the_form_opened_for_a_champion_on_record_leads_to_their_profile() throws Exception {
		long paused = data.person(null);
		long champion = champions.champion(paused, ChampionStatus.PAUSED, Set.of(Platform.LINKEDIN), Set.of(), false);
		MvcResult redirect = mvc
			.perform(get("/champions/new").queryParam("person", String.valueOf(paused)).with(data.as(Role.STRATEGIST)))
			.andExpect(redirectedUrl("/champions/" + champion))
			.andReturn();
		assertThat((FlashMessage) redirect.getFlashMap().get(FlashMessage.ATTRIBUTE))
			.returns(FlashMessage.Kind.WARNING, FlashMessage::kind)
			.returns("champion.person.onRecord", FlashMessage::code);
		long active = data.person(null);
		long activeChampion = champions.champion(active);
		redirect = mvc
			.perform(get("/champions/new").queryParam("person", String.valueOf(active)).with(data.as(Role.STRATEGIST)))
			.andExpect(redirectedUrl("/champions/" + activeChampion))
			.andReturn();
		assertThat(((FlashMessage) redirect.getFlashMap().get(FlashMessage.ATTRIBUTE)).code())
			.isEqualTo("champion.person.active");

		long newcomer = data.person(null);
		MvcResult form = mvc.perform(get("/champions/new").queryParam("person", String.valueOf(newcomer))
			.with(data.as(Role.STRATEGIST))).andExpect(status().isOk()).andReturn();
		assertThat(Jsoup.parse(ChampionPages.body(form)).select("#personEmail").val())
			.isEqualTo(people.emailOf(newcomer).orElseThrow());
	}

	@Test
	void the_copy_of_name_email_and_department_follows_the_person(ApplicationEvents events) {
		long before = data.department();
		long after = data.department();
		long person = data.person(before);
		long champion = champions.champion(person);
		PersonForm form = people.form(person);
		form.setName("Renamed " + TestData.unique("x"));
		form.setEmail(TestData.email(TestData.unique("renamed")));
		form.setDepartmentId(after);
		people.update(person, form);

		ChampionView view = service.view(champion);
		assertThat(view.departmentId()).isEqualTo(after);
		assertThat(view.name()).isEqualTo(form.getName());
		assertThat(view.email()).isEqualTo(form.getEmail());
		assertThat(events.stream(PersonUpdated.class)).anySatisfy(e -> assertThat(e.personId()).isEqualTo(person));
	}

	@Test
	void a_csv_import_that_renames_or_moves_a_champion_updates_the_copy(ApplicationEvents events) throws Exception {
		String departmentName = TestData.unique("Imported department");
		long after = data.department(departmentName);
		String name = TestData.unique("Imported");
		long person = data.person(name, data.department());
		long champion = champions.champion(person);
		String newName = name + " Junior";
		String csv = "name,email,job title,department\n" + newName + "," + TestData.email(name) + ",,"
				+ departmentName + "\n";

		ImportReport report = peopleImport.run(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));

		assertThat(report.count(ImportReport.Outcome.UPDATED)).isEqualTo(1);
		assertThat(events.stream(PersonUpdated.class)).anySatisfy(e -> {
			assertThat(e.personId()).isEqualTo(person);
			assertThat(e.name()).isEqualTo(newName);
			assertThat(e.departmentId()).isEqualTo(after);
		});
		ChampionView view = service.view(champion);
		assertThat(view.name()).isEqualTo(newName);
		assertThat(view.departmentId()).isEqualTo(after);
		assertThat(view.email()).isEqualTo(TestData.email(name));
	}

	@Test
	void a_rename_while_the_champion_is_being_recorded_waits_for_it_and_reaches_the_copy() throws Exception {
		long person = data.person(data.department());
		String renamed = "Renamed " + TestData.unique("x");
		long[] champion = new long[1];

		Overlap.Outcome<Void> outcome = overlap.run(() -> champion[0] = champions.champion(person), () -> {
			PersonForm form = people.form(person);
			form.setName(renamed);
			people.update(person, form);
			return null;
		});

		assertThat(outcome.thrown()).isNull();
		assertThat(outcome.waited()).as("the rename waited for the champion to be recorded").isTrue();
		assertThat(service.view(champion[0]).name()).isEqualTo(renamed);
	}

	@Test
	void staff_log_activities_on_their_own_record_only_and_managers_on_none_but_theirs() throws Exception {
		WaterholeUser staff = (WaterholeUser) data.user(data.account(Role.STAFF));
		long own = champions.champion(staff.getPersonId());
		long someoneElse = champions.champion(data.person(null));
		String today = LocalDate.now(clock).toString();
		mvc.perform(post("/champions/{id}/activities", own).param("occurredOn", today)
			.param("kind", "CONTENT")
			.param("description", "Posted our first reel")
			.with(csrf())
			.with(user(staff))).andExpect(redirectedUrl("/champions/" + own + "#activities"));
		mvc.perform(post("/champions/{id}/activities", someoneElse).param("occurredOn", today)
			.param("kind", "CONTENT")
			.param("description", "Not mine")
			.with(csrf())
			.with(user(staff))).andExpect(status().isForbidden());
		mvc.perform(post("/champions/{id}/activities", someoneElse).param("occurredOn", today)
			.param("kind", "CONTENT")
			.param("description", "A manager's note")
			.with(csrf())
			.with(data.as(Role.MANAGER))).andExpect(status().isForbidden());
		assertThat(directory.activities(own, PageRequest.of(0, 10)).getContent()).singleElement().satisfies(a -> {
			assertThat(a.description()).isEqualTo("Posted our first reel");
			assertThat(a.recordedBy()).isEqualTo(staff.getPersonId());
		});
		assertThat(directory.activities(someoneElse, PageRequest.of(0, 10)).getTotalElements()).isZero();
	}

	@Test
	void each_invalid_activity_field_is_refused_on_its_own_with_its_message() throws Exception {
		WaterholeUser staff = (WaterholeUser) data.user(data.account(Role.STAFF));
		long own = champions.champion(staff.getPersonId());
		LocalDate today = LocalDate.now(clock);
		Map<String, Map<String, String>> cases = Map.of(
				"The date can’t be in the future.", Map.of("occurredOn", today.plusDays(3).toString()),
				"Enter a web address that starts with http:// or https://.", Map.of("link", "javascript:alert(1)"),
				"Enter zero or a positive number.", Map.of("reach", "-4"),
				"Choose one of the kinds.", Map.of("kind", "NOPE"));
		for (Map.Entry<String, Map<String, String>> invalid : cases.entrySet()) {
			var request = post("/champions/{id}/activities", own).param("description", "Kept as typed")
				.with(csrf())
				.with(user(staff));
			Map<String, String> fields = new java.util.HashMap<>(Map.of("occurredOn", today.toString(), "kind",
					"CONTENT", "link", "https://example.org/post", "reach", "40"));
			fields.putAll(invalid.getValue());
			fields.forEach(request::param);
			String page = ChampionPages.body(mvc.perform(request).andExpect(status().isOk()).andReturn());
			Document html = Jsoup.parse(page);
			assertThat(html.select(".log-activity .invalid-feedback").eachText()).as(invalid.getValue().toString())
				.containsExactly(invalid.getKey());
			assertThat(html.select(".log-activity textarea[name=description]").text()).isEqualTo("Kept as typed");
		}
		assertThat(directory.activities(own, PageRequest.of(0, 10)).getTotalElements()).isZero();
	}

	@Test
	void a_champion_deletes_the_activities_they_logged_and_the_strategist_any() throws Exception {
		WaterholeUser staff = (WaterholeUser) data.user(data.account(Role.STAFF));
		WaterholeUser strategist = (WaterholeUser) data.user(data.account(Role.STRATEGIST));
		long champion = champions.champion(staff.getPersonId());
		LocalDate today = LocalDate.now(clock);
		champions.activity(champion, today, staff.getPersonId());
		champions.activity(champion, today.minusDays(1), strategist.getPersonId());
		List<Directory.ActivityRow> rows = directory.activities(champion, PageRequest.of(0, 10)).getContent();
		long theirs = rows.get(0).id();
		long strategists = rows.get(1).id();
		assertThat(rows.get(1).recordedBy()).isEqualTo(strategist.getPersonId());

		Document profile = Jsoup.parse(ChampionPages.body(mvc.perform(get("/champions/{id}", champion).with(user(staff)))
			.andExpect(status().isOk())
			.andReturn()));
		assertThat(profile.select("form[action$='/activities/" + theirs + "/delete']")).hasSize(1);
		assertThat(profile.select("form[action$='/activities/" + strategists + "/delete']")).isEmpty();
		assertThat(profile.select(".activity-list .recorded-by").eachText())
			.containsExactly("Logged by the champion", "Logged by " + strategist.getDisplayName());

		mvc.perform(post("/champions/{id}/activities/{a}/delete", champion, strategists).with(csrf()).with(user(staff)))
			.andExpect(status().isForbidden());
		assertThat(directory.activities(champion, PageRequest.of(0, 10)).getTotalElements()).isEqualTo(2);

		MvcResult deleted = mvc
			.perform(post("/champions/{id}/activities/{a}/delete", champion, theirs).with(csrf()).with(user(staff)))
			.andExpect(redirectedUrl("/champions/" + champion + "#activities"))
			.andReturn();
		assertThat(ChampionPages.flashCode(deleted)).isEqualTo("activity.deleted");
		// Again, from a second tab: gone already, said plainly.
		MvcResult again = mvc
			.perform(post("/champions/{id}/activities/{a}/delete", champion, theirs).with(csrf()).with(user(staff)))
			.andExpect(redirectedUrl("/champions/" + champion + "#activities"))
			.andReturn();
		assertThat(ChampionPages.flashCode(again)).isEqualTo("activity.alreadyGone");
		assertThat(ChampionPages.followed(mvc, again, user(staff))).contains("That activity was deleted already.");

		mvc.perform(post("/champions/{id}/activities/{a}/delete", champion, strategists).with(csrf())
			.with(user(strategist))).andExpect(redirectedUrl("/champions/" + champion + "#activities"));
		assertThat(directory.activities(champion, PageRequest.of(0, 10)).getTotalElements()).isZero();
	}

	@Test
	void two_overlapping_deletes_of_one_activity_end_in_a_message_not_an_error() throws Exception {
		long champion = champions.champion(data.person(null));
		champions.activity(champion, LocalDate.now(clock), data.person(null));
		long activity = directory.activities(champion, PageRequest.of(0, 1)).getContent().get(0).id();
		RequestPostProcessor strategist = data.as(Role.STRATEGIST);

		Overlap.Outcome<MvcResult> outcome = overlap.run(() -> service.deleteActivity(champion, activity, null),
				() -> mvc.perform(post("/champions/{id}/activities/{a}/delete", champion, activity).with(csrf())
					.with(strategist)).andReturn());

		assertThat(outcome.thrown()).isNull();
		assertThat(outcome.waited()).isTrue();
		assertThat(outcome.value().getResponse().getStatus()).isEqualTo(302);
		assertThat(ChampionPages.flashCode(outcome.value())).isEqualTo("activity.alreadyGone");
	}

	@Test
	void changing_the_status_announces_leaving_and_joining_on_the_day_it_changes(ApplicationEvents events) {
		long department = data.department();
		long person = data.person(department);
		long champion = champions.champion(person);
		LocalDate since = service.view(champion).since();
		LocalDate today = LocalDate.now(clock);
		assertThat(since).isBefore(today);
		assertThat(events.stream(ChampionJoined.class).filter(e -> e.championId() == champion)).singleElement()
			.satisfies(e -> {
				assertThat(e.on()).isEqualTo(since);
				assertThat(e.departmentId()).isEqualTo(department);
				assertThat(e.personId()).isEqualTo(person);
			});

		ChampionForm form = service.form(champion);
		form.setStatus(ChampionStatus.ALUMNI);
		service.update(champion, form);
		assertThat(events.stream(ChampionLeft.class)).singleElement().satisfies(e -> {
			assertThat(e.championId()).isEqualTo(champion);
			assertThat(e.now()).isEqualTo(ChampionStatus.ALUMNI);
			assertThat(e.on()).isEqualTo(today);
			assertThat(e.departmentId()).isEqualTo(department);
		});

		long movedTo = data.department();
		PersonForm move = people.form(person);
		move.setDepartmentId(movedTo);
		people.update(person, move);
		form = service.form(champion);
		form.setStatus(ChampionStatus.ACTIVE);
		service.update(champion, form);
		assertThat(events.stream(ChampionJoined.class).filter(e -> e.championId() == champion)).hasSize(2)
			.last()
			.satisfies(e -> {
				assertThat(e.on()).isEqualTo(today);
				assertThat(e.departmentId()).isEqualTo(movedTo);
			});
		assertThat(service.view(champion).since()).as("since stays when they became a champion").isEqualTo(since);
	}

	@Test
	void the_edit_page_shows_the_person_without_a_field_to_change_them() throws Exception {
		long champion = champions.champion(data.person(null));
		RequestPostProcessor strategist = data.as(Role.STRATEGIST);
		Document edit = Jsoup.parse(ChampionPages.body(mvc.perform(get("/champions/{id}/edit", champion)
			.with(strategist)).andExpect(status().isOk()).andReturn()));
		assertThat(edit.select("[name=personEmail]")).isEmpty();
		assertThat(edit.select("main form strong").text()).isEqualTo(service.view(champion).email());
		Document create = Jsoup.parse(ChampionPages.body(mvc.perform(get("/champions/new").with(strategist))
			.andExpect(status().isOk())
			.andReturn()));
		assertThat(create.select("input[name=personEmail]")).hasSize(1);
	}

	@Test
	void saving_an_unknown_champion_is_a_404_even_with_invalid_fields() throws Exception {
		mvc.perform(post("/champions/{id}", Long.MAX_VALUE).param("since", "").param("status", "NOPE")
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(status().isNotFound());
	}

	@Test
	void the_strategist_sees_how_many_volunteers_wait_and_staff_do_not() throws Exception {
		volunteering.volunteer(data.person(null), VolunteeringTests.offer());
		long waiting = directory.countPending();
		assertThat(waiting).isPositive();
		Document strategistPage = Jsoup.parse(ChampionPages.body(mvc.perform(get("/champions")
			.with(data.as(Role.STRATEGIST))).andExpect(status().isOk()).andReturn()));
		assertThat(strategistPage.select("a[href='/champions/requests'] .pending-requests").text())
			.isEqualTo(waiting == 1 ? "1 waiting" : String.format(java.util.Locale.UK, "%,d waiting", waiting));
		Document staffPage = Jsoup.parse(ChampionPages.body(mvc.perform(get("/champions").with(data.as(Role.STAFF)))
			.andExpect(status().isOk())
			.andReturn()));
		assertThat(staffPage.select(".pending-requests")).isEmpty();
	}

	@Test
	void a_refused_post_re_renders_page_links_without_what_was_posted() throws Exception {
		long champion = champions.champion(data.person(null));
		long recorder = data.person(null);
		for (int i = 0; i < 25; i++) {
			champions.activity(champion, LocalDate.now(clock).minusDays(i), recorder);
		}
		String page = ChampionPages.body(mvc.perform(post("/champions/{id}/activities", champion)
			.param("occurredOn", "not a date")
			.param("kind", "CONTENT")
			.param("description", "secret words")
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(status().isOk()).andReturn());
		List<String> links = Jsoup.parse(page).select(".pagination a[href]").eachAttr("href");
		assertThat(links).isNotEmpty()
			.contains("/champions/" + champion + "?page=1")
			.noneMatch(link -> link.contains("_csrf") || link.contains("description") || link.contains("secret"));
	}

	private List<Long> ids(DirectoryFilter filter, Long myDepartment) {
		return directory.page(filter, myDepartment, PageRequest.of(0, 50))
			.getContent()
			.stream()
			.map(ChampionCard::id)
			.toList();
	}

}
