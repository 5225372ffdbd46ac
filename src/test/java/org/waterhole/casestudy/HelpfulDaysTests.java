package org.waterhole.casestudy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The helpful marks kept per department and day ({@code department_helpful_day}) are, on every
 * day, the marks its people gave in the {@value ReachDays#DAYS} days up to it, counted from the
 * marks and their folded counts: after marks given and taken back in any order, from two
 * departments; and they stay so, unchanged, when marks are folded by age or because their giver was
 * erased, and follow a case study deleted with its marks.
 */
@WaterholeTest
class HelpfulDaysTests {

	@Autowired
	TestData data;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	Readings readings;

	@Autowired
	ReadingRetention retention;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void each_day_keeps_the_marks_of_its_days_counted_from_the_marks() {
		Marks marks = markAtRandom(new Random(7), 160);

		for (long department : marks.departments()) {
			assertThat(kept(department)).as("the marks kept for department %d", department)
				.isNotEmpty()
				.isEqualTo(counted(department, marks.first()));
		}
	}

	@Test
	void folding_erasing_and_deleting_a_case_study_keep_the_days_as_counted() {
		Marks marks = markAtRandom(new Random(3), 120);
		long department = marks.departments().get(0);
		Map<LocalDate, Long> before = kept(department);

		retention.foldBefore(LocalDate.now(clock).minusDays(150));
		retention.foldPerson(marks.people().get(0));

		assertThat(jdbc.sql("select count(*) from case_study_reading_count where helpful > 0")
			.query(Long.class)
			.single()).as("marks folded into counts").isPositive();
		assertThat(kept(department)).isEqualTo(before).isEqualTo(counted(department, marks.first()));

		jdbc.sql("delete from case_study where id = :id").param("id", marks.studies().get(0)).update();

		assertThat(kept(department)).isNotEqualTo(before).isEqualTo(counted(department, marks.first()));
	}

	/**
	 * Marks by the people of two new departments on random days of the last 300 days, in random
	 * order, some for the other department (a giver who moved), some taken back.
	 */
	private Marks markAtRandom(Random random, int count) {
		List<Long> departments = List.of(data.department(), data.department());
		List<Long> people = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			people.add(data.person(departments.get(i % 2)));
		}
		List<Long> studies = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			studies.add(caseStudies.published(TestData.unique("Helpful days")));
		}
		LocalDate today = LocalDate.now(clock);
		for (int i = 0; i < count; i++) {
			LocalDate day = today.minusDays(random.nextInt(300));
			int person = random.nextInt(people.size());
			long department = departments.get(random.nextInt(5) == 0 ? (person + 1) % 2 : person % 2);
			readings.markHelpful(studies.get(random.nextInt(studies.size())), people.get(person), department,
					random.nextInt(4) > 0,
					day.atTime(random.nextInt(24), random.nextInt(60)).atZone(clock.getZone()).toInstant());
		}
		return new Marks(departments, people, studies, today.minusDays(300));
	}

	private record Marks(List<Long> departments, List<Long> people, List<Long> studies, LocalDate first) {
	}

	/** The days kept for the department, those with marks. */
	private Map<LocalDate, Long> kept(long department) {
		Map<LocalDate, Long> kept = new TreeMap<>();
		jdbc.sql("select day, marks from department_helpful_day where department_id = :department and marks > 0")
			.param("department", department)
			.query((rs, n) -> kept.put(rs.getObject("day", LocalDate.class), rs.getLong("marks")))
			.list();
		return kept;
	}

	/** Each day's marks of the department in the days of a reach, from its named marks and their counts. */
	private Map<LocalDate, Long> counted(long department, LocalDate first) {
		Map<LocalDate, Long> counted = new TreeMap<>();
		jdbc.sql("""
				select g.day::date as day,
				  (select count(*) from case_study_helpful h where h.department_id = :department
				     and (h.marked_at at time zone :zone)::date between g.day::date - :days + 1 and g.day::date)
				  + (select coalesce(sum(c.helpful), 0) from case_study_reading_count c where c.department_id = :department
				     and c.day between g.day::date - :days + 1 and g.day::date) as marks
				from generate_series(cast(:first as date)::timestamp, cast(:last as date)::timestamp, interval '1 day') as g(day)
				""")
			.param("department", department)
			.param("zone", clock.getZone().getId())
			.param("days", ReachDays.DAYS)
			.param("first", first)
			.param("last", LocalDate.now(clock).plusDays(ReachDays.DAYS))
			.query((rs, n) -> rs.getLong("marks") > 0 ? counted.put(rs.getObject("day", LocalDate.class), rs.getLong("marks")) : null)
			.list();
		return counted;
	}

}
