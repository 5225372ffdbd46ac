package org.waterhole.champion;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.organization.PersonForm;
import org.waterhole.organization.PersonService;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.DuplicateException;
import org.waterhole.shared.Platform;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
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
	TestData data;

	@Autowired
	PersonService people;

	@Autowired
	MockMvc mvc;

	@Test
	void coverage_counts_active_champions_and_activities_of_the_last_90_days(ApplicationEvents events) {
		long covered = data.department();
		long pausedOnly = data.department();
		long active = champions.champion(data.person(covered));
		long paused = champions.champion(data.person(covered), ChampionStatus.PAUSED, Set.of(), Set.of(), false);
		champions.champion(data.person(covered), ChampionStatus.ALUMNI, Set.of(), Set.of(), false);
		champions.champion(data.person(pausedOnly), ChampionStatus.PAUSED, Set.of(), Set.of(), false);
		long recorder = data.person(null);
		LocalDate today = LocalDate.now();
		champions.activity(active, today, recorder);
		champions.activity(active, today.minusDays(89), recorder); // the first day of the window
		champions.activity(paused, today.minusDays(30), recorder);
		champions.activity(active, today.minusDays(90), recorder); // one day too old
		champions.activity(active, today.minusDays(400), recorder);

		Map<Long, Directory.Coverage> coverage = directory.coverage()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Directory.Coverage::departmentId, c -> c));
		assertThat(coverage.get(covered).activeChampions()).isEqualTo(1);
		assertThat(coverage.get(covered).recentActivities()).isEqualTo(3);
		assertThat(coverage.get(covered).uncovered()).isFalse();
		assertThat(coverage.get(pausedOnly).activeChampions()).isZero();
		assertThat(coverage.get(pausedOnly).uncovered()).isTrue();

		var rows = directory.coverage();
		int firstCovered = rows.indexOf(rows.stream().filter(r -> !r.uncovered()).findFirst().orElseThrow());
		assertThat(rows.subList(0, firstCovered)).allMatch(Directory.Coverage::uncovered);
		assertThat(rows.subList(firstCovered, rows.size())).noneMatch(Directory.Coverage::uncovered);

		assertThat(events.stream(ChampionJoined.class)).anySatisfy(e -> assertThat(e.championId()).isEqualTo(active));
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
		assertThat(ids(filter, mine)).containsExactlyInAnyOrder(inMine, pausedOne, inOther);
		filter.setStatus("PAUSED");
		assertThat(ids(filter, mine)).containsExactly(pausedOne);

		DirectoryFilter bySkillText = new DirectoryFilter();
		bySkillText.setQ("captio");
		bySkillText.setDepartment(mine);
		assertThat(ids(bySkillText, null)).contains(inMine);
	}

	@Test
	void a_person_is_one_champion_at_most() {
		long person = data.person(null);
		champions.champion(person);
		assertThatThrownBy(() -> champions.champion(person)).isInstanceOf(DuplicateException.class);
	}

	@Test
	void the_copy_of_name_and_department_follows_the_person() {
		long before = data.department();
		long after = data.department();
		long person = data.person(before);
		long champion = champions.champion(person);
		PersonForm form = people.form(person);
		form.setName("Renamed " + TestData.unique("x"));
		form.setDepartmentId(after);
		people.update(person, form);

		ChampionView view = service.view(champion);
		assertThat(view.departmentId()).isEqualTo(after);
		assertThat(view.name()).isEqualTo(form.getName());
	}

	@Test
	void staff_log_activities_on_their_own_record_only() throws Exception {
		String email = data.account(Role.STAFF);
		WaterholeUser staff = (WaterholeUser) data.user(email);
		long own = champions.champion(staff.getPersonId());
		long someoneElse = champions.champion(data.person(null));
		LocalDate today = LocalDate.now();
		mvc.perform(post("/champions/{id}/activities", own).param("occurredOn", today.toString())
			.param("kind", "CONTENT")
			.param("description", "Posted our first reel")
			.with(csrf())
			.with(user(staff))).andExpect(redirectedUrl("/champions/" + own + "#activities"));
		mvc.perform(post("/champions/{id}/activities", someoneElse).param("occurredOn", today.toString())
			.param("kind", "CONTENT")
			.param("description", "Not mine")
			.with(csrf())
			.with(user(staff))).andExpect(status().isForbidden());
		assertThat(directory.activities(own, PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);
		assertThat(directory.activities(someoneElse, PageRequest.of(0, 10)).getTotalElements()).isZero();
		mvc.perform(post("/champions/{id}/activities", own).param("occurredOn", today.plusDays(3).toString())
			.param("kind", "CONTENT")
			.param("description", "From the future")
			.param("link", "javascript:alert(1)")
			.param("reach", "-4")
			.with(csrf())
			.with(user(staff))).andExpect(status().isOk());
		assertThat(directory.activities(own, PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);
	}

	@Test
	void changing_the_status_announces_joining_and_leaving(ApplicationEvents events) {
		long champion = champions.champion(data.person(data.department()));
		ChampionForm form = service.form(champion);
		form.setStatus(ChampionStatus.ALUMNI);
		service.update(champion, form);
		assertThat(events.stream(ChampionLeft.class)).singleElement().satisfies(e -> {
			assertThat(e.championId()).isEqualTo(champion);
			assertThat(e.now()).isEqualTo(ChampionStatus.ALUMNI);
		});
		form = service.form(champion);
		form.setStatus(ChampionStatus.ACTIVE);
		service.update(champion, form);
		assertThat(events.stream(ChampionJoined.class).filter(e -> e.championId() == champion)).hasSize(2);
	}

	private java.util.List<Long> ids(DirectoryFilter filter, Long myDepartment) {
		return directory.page(filter, myDepartment, PageRequest.of(0, 50))
			.getContent()
			.stream()
			.map(ChampionCard::id)
			.toList();
	}

}
