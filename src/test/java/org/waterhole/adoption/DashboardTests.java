package org.waterhole.adoption;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.casestudy.Readings;
import org.waterhole.champion.ChampionStatus;
import org.waterhole.champion.ChampionsData;
import org.waterhole.experiment.ExperimentsData;
import org.waterhole.experiment.Outcome;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.PersonForm;
import org.waterhole.organization.PersonService;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's figures on departments made for the test, with known answers for every figure,
 * over a range of three months ending today. A to E have been on record for three years:
 * <ul>
 * <li>A (5 people): aware before the range, interested on the 15th of its second month.
 * <li>B (4 people, below the privacy floor): adopting for 400 days.
 * <li>C (6 people): aware exactly 180 days before the end, so stalled.
 * <li>D (5 people, on the privacy floor): aware 179 days before the end, not yet stalled.
 * <li>E (nobody on record): never moved, so unaware and stalled.
 * </ul>
 * F is new: on record since today, it is neither counted before nor stalled.
 * The other modules' facts go through their own services and events, as in the application.
 */
@WaterholeTest
class DashboardTests {

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
	ExperimentsData experiments;

	@Autowired
	PersonService people;

	@Autowired
	DepartmentService departments;

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
		end = TestClock.today();
		start = end.minusMonths(2).withDayOfMonth(1);
		a = data.department();
		b = data.department();
		c = data.department();
		d = data.department();
		e = data.department();
		jdbc.sql("update department set created_at = created_at - interval '3 years' where id in (:ids)")
			.param("ids", List.of(a, b, c, d, e))
			.update();
		strategist = data.person(null);
	}

	@Test
	void stages_month_by_month_the_adoption_index_and_stalled_departments() {
		long f = data.department(); // on record since today
		stageChange(a, start.minusDays(10), Stage.AWARE);
		stageChange(a, start.plusMonths(1).withDayOfMonth(15), Stage.INTERESTED);
		stageChange(b, end.minusDays(400), Stage.ADOPTING);
		stageChange(c, end.minusDays(Dashboard.STALLED_DAYS), Stage.AWARE);
		stageChange(d, end.minusDays(Dashboard.STALLED_DAYS - 1), Stage.AWARE);

		DashboardView view = dashboard.view(filter(a, b, c, d, e, f));

		assertThat(view.months()).hasSize(3);
		assertThat(view.months().get(0).day()).isEqualTo(start.withDayOfMonth(start.lengthOfMonth()));
		assertThat(view.months().get(2).day()).isEqualTo(end);
		// The day before the range: A aware, B adopting, C and D aware, E unaware; F not there yet.
		assertThat(view.baseline().counts()).containsExactlyInAnyOrderEntriesOf(counts(1, 3, 0, 0, 1, 0));
		assertThat(view.baseline().index()).isEqualByComparingTo("1.40");
		assertThat(view.months().get(0).counts()).containsExactlyInAnyOrderEntriesOf(counts(1, 3, 0, 0, 1, 0));
		assertThat(view.months().get(1).counts()).containsExactlyInAnyOrderEntriesOf(counts(1, 2, 1, 0, 1, 0));
		assertThat(view.months().get(1).index()).isEqualByComparingTo("1.60");
		// At the end F counts too, unaware: (0 + 1 + 2 + 1 + 1 + 4) / 6.
		assertThat(view.stagesNow()).containsExactlyInAnyOrderEntriesOf(counts(2, 2, 1, 0, 1, 0));
		assertThat(view.indexNow()).isEqualByComparingTo("1.33");
		assertThat(view.indexChange()).isEqualByComparingTo("-0.07");
		assertThat(view.departmentCount()).isEqualTo(6);

		// Stalled: E never moved (first), C exactly 180 days; not D (179 days), A (moving),
		// B (adopting) or F (on record since today).
		assertThat(view.stalled()).extracting(Dashboard.StalledRow::departmentId).containsExactly(e, c);
		assertThat(view.stalled().get(0).since()).isNull();
		assertThat(view.stalled().get(0).stage()).isEqualTo(Stage.UNAWARE);
		assertThat(view.stalled().get(1).since()).isEqualTo(end.minusDays(Dashboard.STALLED_DAYS));
	}

	@Test
	void the_index_moves_from_the_day_before_the_range_even_within_its_first_month() {
		stageChange(a, start.plusDays(14), Stage.AWARE);

		DashboardView view = dashboard.view(filter(a));

		assertThat(view.baseline().index()).isEqualByComparingTo("0.00");
		assertThat(view.months().get(0).index()).isEqualByComparingTo("1.00");
		assertThat(view.indexChange()).isEqualByComparingTo("1.00");
	}

	@Test
	void a_department_counts_from_its_first_stage_change_when_that_is_before_it_was_put_on_record() {
		long late = data.department(); // on record since today
		stageChange(late, start.plusDays(3), Stage.AWARE);

		DashboardView view = dashboard.view(filter(late));

		assertThat(view.baseline().departments()).isZero();
		assertThat(view.months()).allMatch(month -> month.departments() == 1);
		assertThat(view.indexChange()).isEqualByComparingTo("0.00"); // from its first month, not from nothing
	}

	@Test
	void a_stage_change_after_the_end_of_the_range_does_not_count() {
		stageChange(a, end.minusDays(40), Stage.AWARE);
		stageChange(a, end.minusDays(5), Stage.INTERESTED);
		DashboardFilter filter = filter(a);
		filter.setTo(end.minusDays(10));

		DashboardView view = dashboard.view(filter);

		assertThat(view.stagesNow()).containsEntry(Stage.AWARE, 1L).containsEntry(Stage.INTERESTED, 0L);
		assertThat(view.end()).isEqualTo(end.minusDays(10));
	}

	@Test
	void experiments_running_at_the_end_and_completed_in_the_range() {
		long running = experiments.startedIn(a, TestData.unique("Running"), start.minusDays(20));
		long succeeded = experiments.startedIn(c, TestData.unique("Succeeded"), start.plusDays(5));
		experiments.complete(succeeded, Outcome.SUCCEEDED, start.plusMonths(1).plusDays(3));
		long failed = experiments.startedIn(d, TestData.unique("Failed"), start.minusDays(60));
		experiments.complete(failed, Outcome.FAILED, start.plusDays(2));
		long abandoned = experiments.startedIn(d, TestData.unique("Abandoned"), start.plusDays(1));
		experiments.abandon(abandoned, start.plusDays(9));
		long before = experiments.startedIn(b, TestData.unique("Before"), start.minusDays(90));
		experiments.complete(before, Outcome.SUCCEEDED, start.minusDays(1));
		long elsewhere = experiments.startedIn(data.department(), TestData.unique("Elsewhere"), start.plusDays(3));
		awaitRuns(List.of(running, succeeded, failed, abandoned, before, elsewhere), 10);

		Dashboard.ExperimentFigures figures = dashboard.view(filter(a, b, c, d, e)).experiments();

		assertThat(figures.running()).isEqualTo(1);
		assertThat(figures.completed()).isEqualTo(2);
		assertThat(figures.succeeded()).isEqualTo(1);
		assertThat(figures.successRate()).isEqualTo(50);
	}

	@Test
	void an_experiment_completed_after_the_range_was_running_at_its_end_and_a_corrected_run_counts_as_corrected() {
		long later = experiments.startedIn(a, TestData.unique("Later"), end.minusDays(30));
		experiments.complete(later, Outcome.SUCCEEDED, end.minusDays(2));
		long corrected = experiments.startedIn(a, TestData.unique("Corrected"), end.minusDays(3));
		experiments.correctRun(corrected, end.minusDays(50), null);
		awaitRuns(List.of(later, corrected), 4);
		assertThat(jdbc.sql("select started_on from adoption_experiment where experiment_id = :id")
			.param("id", corrected)
			.query(LocalDate.class)
			.single()).isEqualTo(end.minusDays(50));
		DashboardFilter filter = filter(a);
		filter.setTo(end.minusDays(5));

		Dashboard.ExperimentFigures figures = dashboard.view(filter).experiments();

		assertThat(figures.running()).isEqualTo(2); // both were running 5 days ago, once corrected
		assertThat(figures.completed()).isZero();
		assertThat(figures.successRate()).isNull();
	}

	@Test
	void champion_coverage_at_the_end_of_the_range_follows_joining_pausing_and_moving() {
		long inA = champions.champion(data.person(a), end.minusDays(60));
		long inB = champions.champion(data.person(b), end.minusDays(60));
		champions.champion(data.person(c), ChampionStatus.PAUSED, Set.of(), Set.of(), false);
		long moverPerson = data.person(d);
		long mover = champions.champion(moverPerson, end.minusDays(60));
		champions.changeStatus(inB, ChampionStatus.PAUSED);
		PersonForm moved = people.form(moverPerson);
		moved.setDepartmentId(e);
		people.update(moverPerson, moved);
		await().atMost(Duration.ofSeconds(10)).until(() -> championReports(List.of(inA, inB, mover)) == 5);

		Dashboard.Coverage now = dashboard.view(filter(a, b, c, d, e)).coverage();
		assertThat(now.covered()).isEqualTo(2);
		assertThat(now.departments()).isEqualTo(5);
		assertThat(now.percent()).isEqualTo(40);
		assertThat(now.uncovered()).containsExactlyInAnyOrder(name(b), name(c), name(d));

		DashboardFilter yesterday = filter(a, b, c, d, e);
		yesterday.setTo(end.minusDays(1));
		assertThat(dashboard.view(yesterday).coverage().uncovered()).containsExactlyInAnyOrder(name(c), name(e));
	}

	@Test
	void reach_counts_who_read_in_the_last_90_days_in_the_department_they_were_in_and_hides_departments_below_the_floor() {
		List<Long> inA = people(a, 5);
		List<Long> inB = people(b, 4);
		List<Long> inC = people(c, 6);
		List<Long> inD = people(d, 5);
		long caseStudy = caseStudies.published(TestData.unique("Reach"));
		LocalDate first = end.minusDays(Dashboard.REACH_DAYS - 1);
		read(caseStudy, inA.get(0), a, end.atTime(0, 30));
		read(caseStudy, inA.get(0), a, first.atTime(9, 0)); // the same reader again
		read(caseStudy, inA.get(1), a, first.atStartOfDay()); // the first moment of the window
		read(caseStudy, inA.get(2), a, first.minusDays(1).atTime(23, 59)); // a minute too early
		read(caseStudy, inB.get(0), b, end.atTime(0, 10));
		read(caseStudy, inD.get(4), d, end.minusDays(3).atTime(8, 0));
		read(caseStudy, inC.get(5), c, end.minusDays(3).atTime(8, 0));
		// A reader of C moved to D: the reading still counts for C (1 reader, 5 people now), not
		// for D (1 reader, 6 people now).
		PersonForm moved = people.form(inC.get(5));
		moved.setDepartmentId(d);
		people.update(inC.get(5), moved);

		Map<Long, Dashboard.ReachRow> reach = dashboard.view(filter(a, b, c, d, e))
			.reach()
			.stream()
			.collect(Collectors.toMap(Dashboard.ReachRow::departmentId, r -> r));

		assertThat(reach.get(a).readers()).isEqualTo(2);
		assertThat(reach.get(a).people()).isEqualTo(5);
		assertThat(reach.get(a).percent()).isEqualTo(40);
		assertThat(reach.get(b).hidden()).isTrue(); // 4 people: below the floor
		assertThat(reach.get(b).readers()).isNull();
		assertThat(reach.get(b).percent()).isNull();
		assertThat(reach.get(c).hidden()).isFalse(); // exactly the floor
		assertThat(reach.get(c).readers()).isEqualTo(1);
		assertThat(reach.get(c).percent()).isEqualTo(20);
		assertThat(reach.get(d).readers()).isEqualTo(1);
		assertThat(reach.get(d).percent()).isEqualTo(17);
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

		DashboardView view = dashboard.view(filter(a, b, c, d, e));

		assertThat(view.milestones()).extracting(TimelineEntry::title).containsExactly("In range");
		assertThat(view.objections()).extracting(TimelineEntry::title).containsExactly("Too busy");
		assertThat(view.objections().get(0).open()).isTrue();
	}

	/**
	 * Objections of A and C raised in a range ending five days ago, by category (the other
	 * department's and those raised before the range don't count):
	 * time: one answered with a case study, one answered with nothing named, one open;
	 * skills: one answered with a champion; risk: one answered only after the range, so open at
	 * its end; value: one answered with an experiment, and one raised before the range (answered
	 * in it); other: one raised before the range and still open at its end.
	 */
	@Test
	void objections_by_category_raised_in_the_range_answered_by_its_end_with_what_and_still_open() {
		long caseStudy = caseStudies.published(TestData.unique("Planning routine"));
		long champion = champions.champion(data.person(c));
		long experiment = experiments.completed(TestData.unique("Monthly plan"), Outcome.SUCCEEDED,
				form -> form.setDepartmentId(a));
		LocalDate to = end.minusDays(5);
		answer(a, objection(a, start.plusDays(3), ObjectionCategory.TIME), start.plusDays(10), "CASE_STUDY:" + caseStudy);
		answer(a, objection(a, start.plusDays(4), ObjectionCategory.TIME), start.plusDays(11), null);
		objection(a, start.plusDays(5), ObjectionCategory.TIME);
		answer(c, objection(c, start.plusDays(6), ObjectionCategory.SKILLS), to, "CHAMPION:" + champion);
		answer(c, objection(c, to.minusDays(5), ObjectionCategory.RISK), end.minusDays(2), null);
		answer(a, objection(a, start.plusDays(7), ObjectionCategory.VALUE), start.plusDays(8), "EXPERIMENT:" + experiment);
		answer(a, objection(a, start.minusDays(3), ObjectionCategory.VALUE), start.plusDays(2), "CASE_STUDY:" + caseStudy);
		objection(c, start.minusDays(40), ObjectionCategory.OTHER);
		objection(b, start.plusDays(3), ObjectionCategory.TIME);
		DashboardFilter filter = filter(a, c);
		filter.setTo(to);

		DashboardView view = dashboard.view(filter);

		Map<ObjectionCategory, Dashboard.ObjectionRow> rows = view.objectionsByCategory()
			.stream()
			.collect(Collectors.toMap(Dashboard.ObjectionRow::category, r -> r));
		assertThat(view.objectionsByCategory()).extracting(Dashboard.ObjectionRow::category)
			.containsExactly(ObjectionCategory.values());
		assertThat(rows.get(ObjectionCategory.TIME)).isEqualTo(new Dashboard.ObjectionRow(ObjectionCategory.TIME, 3, 2, 1, 0, 0, 0));
		assertThat(rows.get(ObjectionCategory.TIME).open()).isEqualTo(1);
		assertThat(rows.get(ObjectionCategory.SKILLS)).isEqualTo(new Dashboard.ObjectionRow(ObjectionCategory.SKILLS, 1, 1, 0, 1, 0, 0));
		assertThat(rows.get(ObjectionCategory.RISK)).isEqualTo(new Dashboard.ObjectionRow(ObjectionCategory.RISK, 1, 0, 0, 0, 0, 0));
		assertThat(rows.get(ObjectionCategory.RISK).open()).isEqualTo(1);
		assertThat(rows.get(ObjectionCategory.VALUE)).isEqualTo(new Dashboard.ObjectionRow(ObjectionCategory.VALUE, 1, 1, 0, 0, 1, 0));
		assertThat(rows.get(ObjectionCategory.OTHER)).isEqualTo(new Dashboard.ObjectionRow(ObjectionCategory.OTHER, 0, 0, 0, 0, 0, 1));
		assertThat(view.objectionsTotal()).isEqualTo(new Dashboard.ObjectionRow(null, 6, 4, 1, 1, 1, 1));
		assertThat(view.objectionsTotal().open()).isEqualTo(2);

		// Up to today, the risk objection was answered too.
		DashboardFilter now = filter(a, c);
		assertThat(dashboard.view(now).objectionsTotal()).isEqualTo(new Dashboard.ObjectionRow(null, 6, 5, 1, 1, 1, 1));
	}

	/**
	 * The organisation's objections are those of the departments there by the end of the range:
	 * an objection of a department on record only after it doesn't count, one of a department
	 * there does (whether chosen or not).
	 */
	@Test
	void the_organisations_objections_leave_out_departments_not_there_by_the_end() {
		long late = data.department(); // on record since today
		LocalDate to = end.minusDays(5);
		DashboardFilter filter = filter(a);
		filter.setTo(to);
		Dashboard.ObjectionRow before = dashboard.view(filter).organisation().objections();

		objection(late, start.plusDays(3), ObjectionCategory.TIME);
		Dashboard.ObjectionRow withLate = dashboard.view(filter).organisation().objections();
		objection(b, start.plusDays(3), ObjectionCategory.TIME);
		objection(a, start.plusDays(4), ObjectionCategory.RISK);
		DashboardView view = dashboard.view(filter);

		assertThat(withLate).isEqualTo(before);
		assertThat(view.organisation().objections().raised()).isEqualTo(before.raised() + 2);
		assertThat(view.objectionsTotal().raised()).isEqualTo(1);
	}

	@Test
	void a_range_that_cannot_be_shown_as_asked_is_adjusted_and_says_so() {
		DashboardFilter filter = new DashboardFilter();
		assertThat(filter.range(end)).isEqualTo(new DashboardFilter.Range(end.minusYears(1).plusDays(1), end, List.of()));

		filter.setFrom(end.minusDays(10));
		filter.setTo(end.minusDays(40));
		assertThat(filter.range(end)).isEqualTo(new DashboardFilter.Range(end.minusDays(40), end.minusDays(10),
				List.of("dashboard.adjusted.swapped")));

		filter.setFrom(end.minusYears(6));
		filter.setTo(end.plusDays(30));
		assertThat(filter.range(end)).isEqualTo(new DashboardFilter.Range(end.minusMonths(60).plusDays(1), end,
				List.of("dashboard.adjusted.future", "dashboard.adjusted.tooLong")));

		filter.setFrom(LocalDate.of(1, 1, 1));
		filter.setTo(LocalDate.of(9999, 1, 1));
		assertThat(filter.range(end)).isEqualTo(new DashboardFilter.Range(end.minusYears(1).plusDays(1), end,
				List.of("dashboard.adjusted.to", "dashboard.adjusted.from")));

		DashboardFilter unknown = filter(a);
		unknown.getDepartment().add(Long.MAX_VALUE);
		DashboardView view = dashboard.view(unknown);
		assertThat(view.notices()).containsExactly("dashboard.adjusted.unknownDepartments");
		assertThat(view.departments()).containsExactly(name(a));
		assertThat(dashboard.view(new DashboardFilter()).months()).hasSize(13);
	}

	private DashboardFilter filter(long... ids) {
		DashboardFilter filter = new DashboardFilter();
		filter.setFrom(start);
		filter.setTo(end);
		filter.setDepartment(new ArrayList<>(java.util.Arrays.stream(ids).boxed().toList()));
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

	private long objection(long department, LocalDate on, ObjectionCategory category) {
		RecordForm form = RecordForm.of(department, on, EventKind.OBJECTION, "“" + category + "”");
		form.setObjectionCategory(category);
		return log.record(form, strategist);
	}

	private void answer(long department, long objection, LocalDate on, String answeredWith) {
		RecordForm form = RecordForm.of(department, on, EventKind.NOTE, "Answered");
		form.setAnswersId(objection);
		form.setAnsweredWith(answeredWith);
		log.record(form, strategist);
	}

	/** Waits for the experiments' reports to be recorded (with each, its run is kept). */
	private void awaitRuns(List<Long> ids, int reports) {
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
				select count(*) from adoption_event where kind like 'EXPERIMENT%' and subject_id in (:ids)
				""").param("ids", ids).query(Long.class).single() == reports);
	}

	private long championReports(List<Long> champions) {
		return jdbc.sql("""
				select count(*) from adoption_event
				where kind in ('CHAMPION_JOINED', 'CHAMPION_LEFT', 'CHAMPION_MOVED') and subject_id in (:ids)
				""").param("ids", champions).query(Long.class).single();
	}

	private List<Long> people(long department, int count) {
		return IntStream.range(0, count).mapToObj(i -> data.person(department)).toList();
	}

	private void read(long caseStudy, long person, long department, LocalDateTime at) {
		assertThat(readings.record(caseStudy, person, department, at.atZone(TestClock.ZONE).toInstant())).isTrue();
	}

	private String name(long department) {
		return departments.details(department).name();
	}

	private static Map<Stage, Long> counts(long... perStage) {
		Map<Stage, Long> counts = new EnumMap<>(Stage.class);
		for (Stage stage : Stage.values()) {
			counts.put(stage, perStage[stage.ordinal()]);
		}
		return counts;
	}

}
