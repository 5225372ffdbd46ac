package org.waterhole.adoption;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.casestudy.Readings;
import org.waterhole.champion.ChampionStatus;
import org.waterhole.champion.ChampionsData;
import org.waterhole.experiment.Outcome;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's figures on five departments made for the test, with known answers for every
 * figure, over a range of three months ending today:
 * <ul>
 * <li>A (5 people): aware before the range, interested on the 15th of its second month; an
 * active champion; 2 readers in the reach window, one just outside it.
 * <li>B (4 people, below the privacy floor): adopting for 400 days.
 * <li>C (6 people): aware exactly 180 days before the end, so stalled; a paused champion.
 * <li>D (5 people, on the privacy floor): aware 179 days before the end, not yet stalled.
 * <li>E (nobody on record): never moved, so unaware and stalled.
 * </ul>
 */
@WaterholeTest
class DashboardTests {

	/** Subjects of the experiment reports made here, far from the ids real experiments get. */
	private static final AtomicLong SUBJECTS = new AtomicLong(900_000_000L + System.nanoTime() % 1_000_000);

	@Autowired
	Dashboard dashboard;

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
	JdbcClient jdbc;

	long a;

	long b;

	long c;

	long d;

	long e;

	long strategist;

	LocalDate end;

	LocalDate start;

	@BeforeEach
	void departments() {
		end = LocalDate.now(ZoneOffset.UTC);
		start = end.minusMonths(2).withDayOfMonth(1);
		a = data.department();
		b = data.department();
		c = data.department();
		d = data.department();
		e = data.department();
		strategist = data.person(null);
	}

	@Test
	void stages_month_by_month_the_adoption_index_and_stalled_departments() {
		stageChange(a, start.minusDays(10), Stage.AWARE);
		stageChange(a, start.plusMonths(1).withDayOfMonth(15), Stage.INTERESTED);
		stageChange(b, end.minusDays(400), Stage.ADOPTING);
		stageChange(c, end.minusDays(Dashboard.STALLED_DAYS), Stage.AWARE);
		stageChange(d, end.minusDays(Dashboard.STALLED_DAYS - 1), Stage.AWARE);

		DashboardView view = dashboard.view(filter());

		assertThat(view.months()).hasSize(3);
		assertThat(view.months().get(0).day()).isEqualTo(start.withDayOfMonth(start.lengthOfMonth()));
		assertThat(view.months().get(2).day()).isEqualTo(end);
		assertThat(view.months().get(0).counts()).containsExactlyInAnyOrderEntriesOf(counts(1, 3, 0, 0, 1, 0));
		assertThat(view.months().get(0).index()).isEqualByComparingTo("1.40");
		assertThat(view.months().get(1).counts()).containsExactlyInAnyOrderEntriesOf(counts(1, 2, 1, 0, 1, 0));
		assertThat(view.months().get(1).index()).isEqualByComparingTo("1.60");
		assertThat(view.stagesNow()).containsExactlyInAnyOrderEntriesOf(counts(1, 2, 1, 0, 1, 0));
		assertThat(view.indexNow()).isEqualByComparingTo("1.60");
		assertThat(view.indexChange()).isEqualByComparingTo("0.20");
		assertThat(view.departmentCount()).isEqualTo(5);

		// Stalled: E never moved (first), C exactly 180 days; not D (179 days), A (moving) or B (adopting).
		assertThat(view.stalled()).extracting(Dashboard.StalledRow::departmentId).containsExactly(e, c);
		assertThat(view.stalled().get(0).since()).isNull();
		assertThat(view.stalled().get(0).stage()).isEqualTo(Stage.UNAWARE);
		assertThat(view.stalled().get(1).since()).isEqualTo(end.minusDays(Dashboard.STALLED_DAYS));
	}

	@Test
	void a_stage_change_after_the_end_of_the_range_does_not_count() {
		stageChange(a, end.minusDays(40), Stage.AWARE);
		stageChange(a, end.minusDays(5), Stage.INTERESTED);
		DashboardFilter filter = filter();
		filter.setTo(end.minusDays(10));

		DashboardView view = dashboard.view(filter);

		assertThat(view.stagesNow()).containsEntry(Stage.AWARE, 1L).containsEntry(Stage.INTERESTED, 0L);
		assertThat(view.end()).isEqualTo(end.minusDays(10));
	}

	@Test
	void experiments_running_at_the_end_and_completed_in_the_range() {
		long running = experimentStarted(a, start.minusDays(20));
		long succeeded = experimentStarted(c, start.plusDays(5));
		completed(succeeded, c, start.plusMonths(1).plusDays(3), Outcome.SUCCEEDED);
		long failed = experimentStarted(d, start.minusDays(60));
		completed(failed, d, start.plusDays(2), Outcome.FAILED);
		long abandoned = experimentStarted(d, start.plusDays(1));
		log.report(EventKind.EXPERIMENT_ABANDONED, start.plusDays(9), List.of(d), "Abandoned", "STARTED", abandoned,
				"test-abandoned:" + abandoned);
		long before = experimentStarted(b, start.minusDays(90));
		completed(before, b, start.minusDays(1), Outcome.SUCCEEDED);
		experimentStarted(data.department(), start.plusDays(3)); // another department, not chosen

		Dashboard.ExperimentFigures figures = dashboard.view(filter()).experiments();

		assertThat(figures.running()).isEqualTo(1);
		assertThat(figures.completed()).isEqualTo(2);
		assertThat(figures.succeeded()).isEqualTo(1);
		assertThat(figures.successRate()).isEqualTo(50);
	}

	@Test
	void no_completed_experiment_has_no_success_rate() {
		experimentStarted(a, start);

		Dashboard.ExperimentFigures figures = dashboard.view(filter()).experiments();

		assertThat(figures.running()).isEqualTo(1);
		assertThat(figures.completed()).isZero();
		assertThat(figures.successRate()).isNull();
	}

	@Test
	void champion_coverage_counts_departments_with_an_active_champion() {
		long active = champions.champion(data.person(a));
		champions.champion(data.person(c), ChampionStatus.PAUSED, java.util.Set.of(), java.util.Set.of(), false);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from adoption_champion where champion_id = :id and active")
				.param("id", active)
				.query(Long.class)
				.single() == 1);

		Dashboard.Coverage coverage = dashboard.view(filter()).coverage();

		assertThat(coverage.covered()).isEqualTo(1);
		assertThat(coverage.departments()).isEqualTo(5);
		assertThat(coverage.percent()).isEqualTo(20);
		assertThat(coverage.uncovered()).containsExactlyInAnyOrder(name(b), name(c), name(d), name(e));
	}

	@Test
	void reach_counts_distinct_readers_of_the_last_90_days_and_hides_departments_below_the_floor() {
		List<Long> inA = people(a, 5);
		List<Long> inB = people(b, 4);
		people(c, 6);
		List<Long> inD = people(d, 5);
		long caseStudy = caseStudies.published(TestData.unique("Reach"));
		LocalDate first = end.minusDays(Dashboard.REACH_DAYS - 1);
		read(caseStudy, inA.get(0), a, end.atTime(12, 0));
		read(caseStudy, inA.get(0), a, first.atTime(9, 0)); // the same reader again
		read(caseStudy, inA.get(1), a, first.atStartOfDay()); // the first moment of the window
		read(caseStudy, inA.get(2), a, first.minusDays(1).atTime(23, 59)); // a minute too early
		read(caseStudy, inB.get(0), b, end.atTime(8, 0));
		read(caseStudy, inD.get(4), d, end.minusDays(3).atTime(8, 0));

		Map<Long, Dashboard.ReachRow> reach = dashboard.view(filter())
			.reach()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Dashboard.ReachRow::departmentId, r -> r));

		assertThat(reach.get(a).readers()).isEqualTo(2);
		assertThat(reach.get(a).people()).isEqualTo(5);
		assertThat(reach.get(a).percent()).isEqualTo(40);
		assertThat(reach.get(b).hidden()).isTrue(); // 4 people: below the floor
		assertThat(reach.get(b).readers()).isNull();
		assertThat(reach.get(b).percent()).isNull();
		assertThat(reach.get(c).percent()).isZero();
		assertThat(reach.get(d).hidden()).isFalse(); // exactly the floor
		assertThat(reach.get(d).percent()).isEqualTo(20);
		assertThat(reach.get(e).hidden()).isTrue(); // nobody on record
	}

	@Test
	void recent_milestones_and_objections_of_the_chosen_departments_in_the_range() {
		record(a, start.plusDays(3), EventKind.MILESTONE, "In range");
		record(a, start.minusDays(1), EventKind.MILESTONE, "Before the range");
		record(data.department(), start.plusDays(4), EventKind.MILESTONE, "Another department");
		RecordForm objection = RecordForm.of(c, end.minusDays(2), EventKind.OBJECTION, "Too busy");
		objection.setObjectionCategory(ObjectionCategory.TIME);
		log.record(objection, strategist);

		DashboardView view = dashboard.view(filter());

		assertThat(view.milestones()).extracting(TimelineEntry::title).containsExactly("In range");
		assertThat(view.objections()).extracting(TimelineEntry::title).containsExactly("Too busy");
		assertThat(view.objections().get(0).open()).isTrue();
	}

	@Test
	void the_default_range_is_the_last_twelve_months_and_a_nonsense_range_falls_back_to_it() {
		DashboardFilter filter = new DashboardFilter();
		assertThat(filter.start(end)).isEqualTo(end.minusYears(1).plusDays(1));
		assertThat(filter.end(end)).isEqualTo(end);
		filter.setFrom(end.plusDays(5)); // after the end
		assertThat(filter.start(end)).isEqualTo(end.minusYears(1).plusDays(1));
		filter.setFrom(end.minusMonths(DashboardFilter.MAX_MONTHS + 1)); // longer than five years
		assertThat(filter.start(end)).isEqualTo(end.minusYears(1).plusDays(1));
		filter.setFrom(LocalDate.of(1, 1, 1));
		filter.setTo(LocalDate.of(9999, 1, 1));
		assertThat(filter.end(end)).isEqualTo(end);

		assertThat(dashboard.view(new DashboardFilter()).months()).hasSize(13);
	}

	private DashboardFilter filter() {
		DashboardFilter filter = new DashboardFilter();
		filter.setFrom(start);
		filter.setTo(end);
		filter.setDepartment(new java.util.ArrayList<>(List.of(a, b, c, d, e)));
		return filter;
	}

	private void stageChange(long department, LocalDate on, Stage stage) {
		RecordForm form = RecordForm.of(department, on, EventKind.STAGE_CHANGE, "Now " + stage);
		form.setToStage(stage);
		log.record(form, strategist);
	}

	private void record(long department, LocalDate on, EventKind kind, String title) {
		log.record(RecordForm.of(department, on, kind, title), strategist);
	}


	private long experimentStarted(long department, LocalDate on) {
		long subject = SUBJECTS.incrementAndGet();
		log.report(EventKind.EXPERIMENT_STARTED, on, List.of(department), "Experiment " + subject, null, subject,
				"test-started:" + subject);
		return subject;
	}

	private void completed(long subject, long department, LocalDate on, Outcome outcome) {
		log.report(EventKind.EXPERIMENT_COMPLETED, on, List.of(department), "Experiment " + subject, outcome.name(),
				subject, "test-completed:" + subject);
	}

	private List<Long> people(long department, int count) {
		return java.util.stream.IntStream.range(0, count).mapToObj(i -> data.person(department)).toList();
	}

	private void read(long caseStudy, long person, long department, java.time.LocalDateTime at) {
		assertThat(readings.record(caseStudy, person, department, at.toInstant(ZoneOffset.UTC))).isTrue();
	}

	private String name(long department) {
		return jdbc.sql("select name from department where id = :id").param("id", department).query(String.class).single();
	}

	private static Map<Stage, Long> counts(long... perStage) {
		Map<Stage, Long> counts = new java.util.EnumMap<>(Stage.class);
		for (Stage stage : Stage.values()) {
			counts.put(stage, perStage[stage.ordinal()]);
		}
		return counts;
	}

}
