package org.waterhole.casestudy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.waterhole.adoption.EducationReach;
import org.waterhole.organization.PersonErased;
import org.waterhole.shared.PrivacySettings;
import org.waterhole.shared.ScheduledJobs;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Folding named readings and helpful marks into counts changes no figure: the readiness figures
 * of every day, the dashboard's reach over any period, a case study's readers page and the case
 * studies a department hasn't read are the same before and after, and no named row older than
 * the retention period is left. An erased person's rows are folded the same way, whatever their
 * age; and the nightly job runs once however many instances start it at the same moment.
 */
@WaterholeTest
class ReadingRetentionTests {

	/** Readings go back this many days: further than the 13 months named readings are kept. */
	static final int HISTORY_DAYS = 490;

	@Autowired
	TestData data;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	Readings readings;

	@Autowired
	DepartmentInterest interest;

	@Autowired
	EducationReach reach;

	@Autowired
	ReachDays reachDays;

	@Autowired
	ReadingRetention retention;

	@Autowired
	ReadingRetentionJob job;

	@Autowired
	PrivacySettings privacy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CacheManager caches;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	LocalDate today;

	ZoneId zone;

	LocalDate firstKept;

	@BeforeEach
	void dates() {
		today = LocalDate.now(clock);
		zone = clock.getZone();
		firstKept = today.minus(privacy.namedReadings());
	}

	@Test
	void folding_old_readings_in_steps_keeps_every_figure_and_leaves_no_named_row_older_than_the_retention_period() {
		Library library = library(3, 4);
		library.readAtRandom(new Random(7), 260);
		library.readAroundTheCutoff();
		library.readOnceLongAgo();

		Snapshot before = library.snapshot();
		assertThat(before.figures().stream().filter(f -> f.day().isBefore(firstKept) && f.readers() > 0))
			.as("figures reach into the months to fold")
			.isNotEmpty();
		assertThat(before.unread().get(library.departments.get(2))).containsExactly(library.ids.get(library.ids.size() - 1));
		// Folded in two steps, as night after night: the second folds readings that the first
		// counted as still named.
		assertThat(retention.foldBefore(firstKept.minusDays(45)).readings()).isPositive();
		assertThat(library.snapshot()).isEqualTo(before);
		ReadingRetention.Folded folded = retention.foldExpired();
		Snapshot after = library.snapshot();

		assertThat(folded.readings()).isPositive();
		assertThat(folded.marks()).isPositive();
		assertThat(after).isEqualTo(before);
		assertThat(count("select count(*) from case_study_reading where read_at < :cutoff")).isZero();
		assertThat(count("select count(*) from case_study_helpful where marked_at < :cutoff")).isZero();
		assertThat(library.namedReadings()).as("recent readings stay named").isPositive();

		assertThat(retention.foldExpired()).as("a second fold finds nothing").isEqualTo(new ReadingRetention.Folded(0, 0));
		assertThat(library.snapshot()).isEqualTo(before);
	}

	@Test
	void an_erased_persons_readings_and_marks_are_all_folded_and_the_figures_stay() {
		Library library = library(2, 3);
		library.readAtRandom(new Random(11), 120);
		long erased = library.people.get(0);
		assertThat(count("select count(*) from case_study_reading where person_id = " + erased)).isPositive();
		Snapshot before = library.snapshot();

		transactions.executeWithoutResult(status -> events.publishEvent(
				new PersonErased(erased, library.departments.get(0), clock.instant())));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("select count(*) from case_study_reading where person_id = " + erased) == 0);

		assertThat(count("select count(*) from case_study_helpful where person_id = " + erased)).isZero();
		assertThat(library.snapshot()).isEqualTo(before);
	}

	@Test
	void the_nightly_job_started_twice_at_once_runs_and_folds_once() throws Exception {
		jdbc.sql("delete from shedlock where name = :name").param("name", ReadingRetention.FOLD).update();
		long department = data.department();
		long person = data.person(department);
		long caseStudy = caseStudies.published(TestData.unique("Old reading"));
		LocalDate day = firstKept.minusDays(3);
		assertThat(readings.record(caseStudy, person, department, at(day, 10))).isTrue();
		assertThat(readings.record(caseStudy, person, department, at(day, 15))).isTrue();
		double runs = runs();

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				done.add(threads.submit(() -> {
					start.await();
					job.foldExpired();
					return null;
				}));
			}
			start.countDown();
			for (Future<?> each : done) {
				each.get();
			}
		}
		finally {
			threads.shutdown();
		}

		assertThat(runs() - runs).isEqualTo(1);
		assertThat(count("select count(*) from case_study_reading where person_id = " + person)).isZero();
		assertThat(count("select coalesce(sum(readers), 0) from reading_day_count where department_id = " + department))
			.isEqualTo(1);
		assertThat(readings.reach(caseStudy, Set.of()).departments())
			.singleElement()
			.satisfies(row -> {
				assertThat(row.readers()).isEqualTo(1);
				assertThat(row.readings()).isEqualTo(2);
				assertThat(row.lastRead()).isEqualTo(day);
			});
	}

	private double runs() {
		return meters.counter(ScheduledJobs.RUNS, "job", ReadingRetention.FOLD).count();
	}

	private long count(String sql) {
		return jdbc.sql(sql)
			.param("cutoff", firstKept.atStartOfDay(zone).toOffsetDateTime())
			.query(Long.class)
			.single();
	}

	private Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(zone).toInstant();
	}

	private Library library(int departments, int caseStudiesCount) {
		List<Long> departmentIds = new ArrayList<>();
		for (int i = 0; i < departments; i++) {
			departmentIds.add(data.department());
		}
		String tag = TestData.unique("retention").replace(' ', '-');
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < caseStudiesCount; i++) {
			Set<Long> relevant = Set.of(departmentIds.get(i % departments));
			ids.add(caseStudies.published(TestData.unique("Kept or folded"), form -> {
				form.setTags(tag);
				form.setDepartmentIds(new java.util.HashSet<>(relevant));
			}));
		}
		List<Long> people = new ArrayList<>();
		for (int i = 0; i < departments * 3; i++) {
			people.add(data.person(departmentIds.get(i % departments)));
		}
		people.add(data.person(null));
		return new Library(departmentIds, ids, people, tag);
	}

	/** What every figure that reads the readings says, for the test's departments and case studies. */
	record Snapshot(List<DepartmentInterest.Figures> figures, Map<Long, Map<LocalDate, Long>> reachDays,
			Map<String, Map<Long, Long>> reach, List<Readings.ReachReport> reports, Map<Long, List<Long>> unread,
			List<Integer> helpfulCounts) {
	}

	/** The test's departments, case studies and people, and their readings. */
	final class Library {

		final List<Long> departments;

		final List<Long> ids;

		final List<Long> people;

		final String tag;

		Library(List<Long> departments, List<Long> ids, List<Long> people, String tag) {
			this.departments = departments;
			this.ids = ids;
			this.people = people;
			this.tag = tag;
		}

		/**
		 * Readings on random days of the history, each by a random person in a random one of the
		 * departments (so people read from more than one: they moved), at random hours; some
		 * marked helpful. Several readings of a person fall on the same day and in the same period.
		 */
		void readAtRandom(Random random, int count) {
			for (int i = 0; i < count; i++) {
				int index = random.nextInt(people.size());
				long person = people.get(index);
				Long department = index == people.size() - 1 ? null
						: departments.get(random.nextInt(5) == 0 ? random.nextInt(departments.size()) : index % departments.size());
				long caseStudy = ids.get(random.nextInt(ids.size()));
				LocalDate day = today.minusDays(random.nextInt(HISTORY_DAYS));
				Instant when = at(day, random.nextInt(24)).plusSeconds(random.nextInt(3600));
				if (!when.isAfter(clock.instant())) {
					readings.record(caseStudy, person, department, when);
					if (random.nextInt(5) == 0) {
						readings.markHelpful(caseStudy, person, department, true, when.plusSeconds(60));
					}
				}
			}
		}

		/** A person who reads on both sides of the cutoff, and twice on its last folded day. */
		void readAroundTheCutoff() {
			long person = people.get(1);
			long department = departments.get(0);
			for (int offset : new int[] { -40, -2, -1, 0, 1, 30 }) {
				LocalDate day = firstKept.plusDays(offset);
				readings.record(ids.get(0), person, department, at(day, 9));
				readings.record(ids.get(1), person, department, at(day, 17));
			}
		}

		/**
		 * Two case studies for the last department: one read there once, long ago (not unread
		 * after folding either), one never read there.
		 */
		void readOnceLongAgo() {
			long department = departments.get(departments.size() - 1);
			for (String title : List.of("Read long ago", "Never read")) {
				ids.add(caseStudies.published(TestData.unique(title), form -> {
					form.setTags(tag);
					form.setDepartmentIds(new java.util.HashSet<>(Set.of(department)));
				}));
			}
			readings.record(ids.get(ids.size() - 2), people.get(departments.size() - 1), department,
					at(today.minusDays(400), 11));
		}

		long namedReadings() {
			return jdbc.sql("select count(*) from case_study_reading where case_study_id = any(:ids)")
				.param("ids", ids.toArray(Long[]::new))
				.query(Long.class)
				.single();
		}

		/** Every figure, computed afresh (the caches emptied first). */
		Snapshot snapshot() {
			caches.getCacheNames().forEach(name -> caches.getCache(name).clear());
			List<LocalDate> days = new ArrayList<>();
			for (LocalDate day = today.minusDays(HISTORY_DAYS); !day.isAfter(today); day = day.plusDays(3)) {
				days.add(day);
			}
			days.add(firstKept.minusDays(1));
			days.add(firstKept);
			days.add(today);
			Map<String, Map<Long, Long>> reachByPeriod = new LinkedHashMap<>();
			for (LocalDate end = today; end.isAfter(today.minusDays(HISTORY_DAYS)); end = end.minusDays(20)) {
				reachByPeriod.put(end.toString(), mine(reach.readersByDepartment(end)));
			}
			reachByPeriod.put("around the cutoff", mine(reach.readersByDepartment(firstKept.plusDays(30))));
			List<Readings.ReachReport> reports = ids.stream()
				.map(id -> readings.reach(id, Set.copyOf(departments)))
				.toList();
			Map<Long, List<Long>> unread = new LinkedHashMap<>();
			for (long department : departments) {
				unread.put(department, interest.unread(department, List.of(tag), 500)
					.stream()
					.map(DepartmentInterest.Pick::id)
					.filter(ids::contains)
					.toList());
			}
			List<Integer> helpful = ids.stream()
				.map(id -> jdbc.sql("select " + Readings.HELPFUL_COUNT + " from case_study cs where cs.id = :id")
					.param("id", id)
					.query(Integer.class)
					.single())
				.toList();
			Map<Long, Map<LocalDate, Long>> counted = reachDays.counted(departments);
			assertThat(reachDays.kept(departments)).as("the reach kept per day, as counted from the readings")
				.isEqualTo(counted);
			return new Snapshot(interest.figures(departments, days), counted, reachByPeriod,
					reports, unread, helpful);
		}

		private Map<Long, Long> mine(Map<Long, Long> readers) {
			Map<Long, Long> mine = new LinkedHashMap<>();
			departments.forEach(department -> mine.put(department, readers.getOrDefault(department, 0L)));
			return mine;
		}

	}

}
