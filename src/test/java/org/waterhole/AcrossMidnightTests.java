package org.waterhole;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.casestudy.DepartmentInterest;
import org.waterhole.casestudy.DepartmentInterest.Figures;
import org.waterhole.casestudy.Readings;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The application's day ends at midnight in its own time zone, whatever the machine's: what
 * happens a minute before midnight there belongs to that day, what happens a minute after to the
 * next, though in UTC (and on most machines) both are the same day.
 */
@WaterholeTest
class AcrossMidnightTests {

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	Readings readings;

	@Autowired
	DepartmentInterest interest;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_case_study_published_a_minute_before_midnight_is_on_that_day_s_timeline_and_one_a_minute_after_on_the_next() {
		long department = data.department();
		LocalDate day = TestClock.today().minusDays(1);
		TestClock.get().set(day.atTime(23, 59));
		long before = caseStudies.published(TestData.unique("Before midnight"), form -> form.setDepartmentIds(Set.of(department)));
		TestClock.get().advance(Duration.ofMinutes(2));
		long after = caseStudies.published(TestData.unique("After midnight"), form -> form.setDepartmentIds(Set.of(department)));

		assertThat(onTimeline(before)).isEqualTo(day);
		assertThat(onTimeline(after)).isEqualTo(day.plusDays(1));
	}

	@Test
	void a_reading_a_minute_before_midnight_counts_on_that_day_and_one_a_minute_after_on_the_next() {
		long department = data.department();
		long caseStudy = caseStudies.published(TestData.unique("Read around midnight"));
		LocalDate day = TestClock.today().minusDays(1);
		TestClock.get().set(day.atTime(23, 59));
		assertThat(readings.record(caseStudy, data.person(department), department, TestClock.now())).isTrue();
		TestClock.get().advance(Duration.ofMinutes(2));
		assertThat(readings.record(caseStudy, data.person(department), department, TestClock.now())).isTrue();

		assertThat(interest.figures(List.of(department), List.of(day, TestClock.today())))
			.extracting(Figures::day, Figures::readers)
			.containsExactlyInAnyOrder(tuple(day, 1L), tuple(day.plusDays(1), 2L));
	}

	/** The day the timeline shows the case study published on, once the event has reached it. */
	private LocalDate onTimeline(long caseStudy) {
		String query = "select occurred_on from adoption_event where kind = 'CASE_STUDY_PUBLISHED' and subject_id = :id";
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql(query).param("id", caseStudy).query(LocalDate.class).optional().isPresent());
		return jdbc.sql(query).param("id", caseStudy).query(LocalDate.class).single();
	}

}
