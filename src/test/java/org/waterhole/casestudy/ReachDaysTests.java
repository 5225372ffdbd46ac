package org.waterhole.casestudy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * The education reach kept per department and day is, on every day, the distinct people who read
 * in the department in the {@value ReachDays#DAYS} days up to it, counted from the readings:
 * after readings recorded in any order, several a day, from two departments; and it stays so,
 * unchanged, when readings are folded into counts by age or because their reader was erased.
 */
@WaterholeTest
class ReachDaysTests {

	@Autowired
	TestData data;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	Readings readings;

	@Autowired
	ReachDays reach;

	@Autowired
	ReadingRetention retention;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void the_reach_of_each_day_is_the_distinct_readers_of_its_days_counted_from_the_readings() {
		Readers readers = readAtRandom(new Random(11), 150);

		for (long department : readers.departments()) {
			assertThat(reach.kept(List.of(department)).getOrDefault(department, Map.of()))
				.as("the reach kept for department %d", department)
				.isEqualTo(distinctReaders(department, readers.first()));
		}
		assertThat(reach.kept(readers.departments())).isEqualTo(reach.counted(readers.departments()));
	}

	@Test
	void folding_by_age_and_erasing_a_reader_change_no_day_of_the_reach() {
		Readers readers = readAtRandom(new Random(5), 120);
		Map<Long, Map<LocalDate, Long>> before = reach.kept(readers.departments());

		retention.foldBefore(LocalDate.now(clock).minusDays(200));
		retention.foldPerson(readers.people().get(0));

		assertThat(jdbc.sql("select count(*) from case_study_reading where person_id = :person")
			.param("person", readers.people().get(0))
			.query(Long.class)
			.single()).as("the erased reader's readings, folded").isZero();
		assertThat(reach.kept(readers.departments())).isEqualTo(before);
		assertThat(reach.counted(readers.departments())).as("counted again from named and folded readings")
			.isEqualTo(before);
	}

	/**
	 * Readings by the people of two new departments on random days of the last 400 days, in random
	 * order, some of them for the other department (a reader who moved), some twice a day.
	 */
	private Readers readAtRandom(Random random, int count) {
		List<Long> departments = List.of(data.department(), data.department());
		List<Long> people = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			people.add(data.person(departments.get(i % 2)));
		}
		List<Long> studies = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			studies.add(caseStudies.published(TestData.unique("Reach")));
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate first = today.minusDays(400);
		for (int i = 0; i < count; i++) {
			LocalDate day = today.minusDays(random.nextInt(400));
			int person = random.nextInt(people.size());
			long department = departments.get(random.nextInt(5) == 0 ? (person + 1) % 2 : person % 2);
			readings.record(studies.get(random.nextInt(studies.size())), people.get(person), department,
					day.atTime(random.nextInt(24), random.nextInt(60)).atZone(clock.getZone()).toInstant());
		}
		return new Readers(departments, people, first);
	}

	private record Readers(List<Long> departments, List<Long> people, LocalDate first) {
	}

	/** Each day's distinct readers of the department in the days of a reach, straight from its named readings. */
	private Map<LocalDate, Long> distinctReaders(long department, LocalDate first) {
		ZoneId zone = clock.getZone();
		Map<LocalDate, Long> readers = new TreeMap<>();
		for (LocalDate day = first; !day.isAfter(LocalDate.now(clock).plusDays(ReachDays.DAYS)); day = day.plusDays(1)) {
			long count = jdbc.sql("""
					select count(distinct person_id) from case_study_reading
					where department_id = :department and read_at >= :since and read_at < :until
					""")
				.param("department", department)
				.param("since", day.minusDays(ReachDays.DAYS - 1).atStartOfDay(zone).toOffsetDateTime())
				.param("until", day.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
				.query(Long.class)
				.single();
			if (count > 0) {
				readers.put(day, count);
			}
		}
		return readers;
	}

}
