package org.waterhole.playbook;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.casestudy.DepartmentInterest;
import org.waterhole.casestudy.Readings;
import org.waterhole.organization.PersonService;
import org.waterhole.organization.Role;
import org.waterhole.shared.SqlArray;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Someone who chose that their name is never connected to what they read is never suggested as
 * a keen reader, however much they read, while their readings still count for their department.
 */
@WaterholeTest
class UnnamedReadersTests {

	@Autowired
	Playbook playbook;

	@Autowired
	DepartmentInterest interest;

	@Autowired
	Readings readings;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	PersonService people;

	@Autowired
	TestData data;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_keenest_reader_who_opted_out_is_not_suggested_but_still_counted() throws Exception {
		long department = data.department();
		long unnamed = optedOut(department);
		long named = data.person(department);
		for (int i = 0; i < 3; i++) {
			read(caseStudies.published(TestData.unique("Read a lot")), unnamed, department);
		}
		read(caseStudies.published(TestData.unique("Read once")), named, department);

		Suggestion recruit = recruit(department);

		assertThat(recruit.details()).extracting(Suggestion.Detail::url)
			.containsExactly("/champions/invitations/new?person=" + named);
		assertThat(recruit.acceptUrl()).isEqualTo("/champions/invitations/new?person=" + named);
		assertThat(interest.figures(List.of(department), List.of(TestClock.today())))
			.singleElement()
			.satisfies(figures -> assertThat(figures.readers()).isEqualTo(2));
	}

	@Test
	void a_department_whose_only_reader_opted_out_gets_no_reader_named() throws Exception {
		long department = data.department();
		long unnamed = optedOut(department);
		read(caseStudies.published(TestData.unique("Read alone")), unnamed, department);

		Suggestion recruit = recruit(department);

		assertThat(recruit.details()).isEmpty();
		assertThat(recruit.acceptUrl()).isEqualTo("/champions/invitations/new");
		assertThat(recruit.reasonKey()).endsWith(".noReaders");
	}

	/**
	 * More keen readers who opted out (and a former member) than the playbook looks at: they are
	 * left out before the keenest are counted, so the one named reader, who read less, is found.
	 */
	@Test
	void more_opted_out_keen_readers_than_the_playbook_looks_at_still_leave_the_named_one() {
		long department = data.department();
		List<Long> first = List.of(caseStudies.published(TestData.unique("Keen one")),
				caseStudies.published(TestData.unique("Keen two")));
		List<Long> keen = IntStream.rangeClosed(0, Playbook.KEEN_READERS_READ).mapToObj(i -> data.person(department))
			.toList();
		keen.forEach(person -> first.forEach(caseStudy -> read(caseStudy, person, department)));
		jdbc.sql("update person set readings_unnamed = true where id = any(cast(:ids as bigint[]))")
			.param("ids", SqlArray.of(keen.subList(1, keen.size())))
			.update();
		jdbc.sql("update person set erased_at = now() where id = :id").param("id", keen.get(0)).update();
		long named = data.person(department);
		read(first.get(0), named, department);

		Suggestion recruit = recruit(department);

		assertThat(recruit.details()).extracting(Suggestion.Detail::url)
			.containsExactly("/champions/invitations/new?person=" + named);
	}

	/** A person of the department with an account, who opted out on their own page. */
	private long optedOut(long department) throws Exception {
		String email = data.account(Role.STAFF, department);
		mvc.perform(post("/account/readings").param("unnamed", "true").with(user(data.user(email))).with(csrf()))
			.andExpect(redirectedUrl("/account/readings"));
		return people.idByEmail(email).orElseThrow();
	}

	private void read(long caseStudy, long person, long department) {
		assertThat(readings.record(caseStudy, person, department, TestClock.now().minus(Duration.ofDays(1)))).isTrue();
	}

	private Suggestion recruit(long department) {
		return playbook.department(department, true)
			.suggestions()
			.stream()
			.filter(s -> s.rule() == Rule.RECRUIT_CHAMPION)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no suggestion to recruit a champion"));
	}

}
