package org.waterhole.adoption;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.champion.ChampionJoined;
import org.waterhole.champion.ChampionLeft;
import org.waterhole.champion.ChampionStatus;
import org.waterhole.champion.ChampionsData;
import org.waterhole.experiment.ExperimentCompleted;
import org.waterhole.experiment.ExperimentStarted;
import org.waterhole.experiment.ExperimentsData;
import org.waterhole.experiment.Outcome;
import org.waterhole.organization.PersonForm;
import org.waterhole.organization.PersonService;
import org.waterhole.shared.Platform;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the other modules report reaches the timeline through their events, after their
 * transaction committed, exactly once.
 */
@WaterholeTest
class AdoptionRecorderTests {

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	ExperimentsData experiments;

	@Autowired
	ChampionsData champions;

	@Autowired
	TestData data;

	@Autowired
	Timeline timeline;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonService people;

	@Test
	void a_published_case_study_appears_on_the_timeline_of_each_department_it_is_relevant_to() {
		long first = data.department();
		long second = data.department();
		long id = caseStudies.published(TestData.unique("Reported"),
				form -> form.setDepartmentIds(new LinkedHashSet<>(List.of(first, second))));

		TimelineEntry entry = awaitOne(EventKind.CASE_STUDY_PUBLISHED, id);

		assertThat(entry.departmentIds()).containsExactlyInAnyOrder(first, second);
		assertThat(entry.occurredOn()).isEqualTo(TestClock.today());
		assertThat(departmentTimeline(second)).extracting(TimelineEntry::id).contains(entry.id());
	}

	@Test
	void an_experiment_started_and_completed_appears_twice_with_its_outcome() {
		long id = experiments.completed(TestData.unique("Reported experiment"), Outcome.SUCCEEDED, form -> {
		});

		TimelineEntry started = awaitOne(EventKind.EXPERIMENT_STARTED, id);
		TimelineEntry completed = awaitOne(EventKind.EXPERIMENT_COMPLETED, id);

		assertThat(started.occurredOn()).isEqualTo(TestClock.today().minusDays(30));
		assertThat(completed.outcome()).isEqualTo("SUCCEEDED");
		assertThat(completed.departmentIds()).isEqualTo(started.departmentIds()).hasSize(1);
	}

	@Test
	void a_champion_joining_and_leaving_appears_and_moves_coverage() {
		long department = data.department();
		long champion = champions.champion(data.person(department));

		TimelineEntry joined = awaitOne(EventKind.CHAMPION_JOINED, champion);
		assertThat(joined.departmentIds()).containsExactly(department);
		assertThat(active(champion)).isTrue();

		champions.changeStatus(champion, ChampionStatus.ALUMNI);
		TimelineEntry left = awaitOne(EventKind.CHAMPION_LEFT, champion);
		assertThat(left.outcome()).isEqualTo("ALUMNI");
		assertThat(left.occurredOn()).isEqualTo(TestClock.today());
		assertThat(active(champion)).isFalse();

		// Back, paused and back again on the same day: each change is on the timeline.
		champions.changeStatus(champion, ChampionStatus.ACTIVE);
		champions.changeStatus(champion, ChampionStatus.PAUSED);
		champions.changeStatus(champion, ChampionStatus.ACTIVE);
		await().atMost(Duration.ofSeconds(10)).until(() -> count(EventKind.CHAMPION_JOINED, champion) == 3
				&& count(EventKind.CHAMPION_LEFT, champion) == 2);
		assertThat(active(champion)).isTrue();
	}

	@Test
	void a_champion_moving_with_their_person_is_on_both_departments_timelines_and_moves_coverage() {
		long from = data.department();
		long to = data.department();
		long person = data.person(from);
		long champion = champions.champion(person);
		awaitOne(EventKind.CHAMPION_JOINED, champion);

		PersonForm form = people.form(person);
		form.setDepartmentId(to);
		people.update(person, form);

		TimelineEntry moved = awaitOne(EventKind.CHAMPION_MOVED, champion);
		assertThat(moved.departmentIds()).containsExactly(to, from);
		assertThat(departmentTimeline(from)).extracting(TimelineEntry::id).contains(moved.id());
		assertThat(activeIn(champion)).isEqualTo(to);

		// A rename is no move.
		PersonForm renamed = people.form(person);
		renamed.setName(renamed.getName() + " Junior");
		people.update(person, renamed);
		assertThat(count(EventKind.CHAMPION_MOVED, champion)).isEqualTo(1);
	}

	@Test
	void reports_delivered_out_of_order_leave_the_latest_state() {
		long department = data.department();
		long champion = 500_000_000L + System.nanoTime() % 1_000_000;
		LocalDate today = TestClock.today();
		publish(new ChampionLeft(champion, 0, department, "Late", ChampionStatus.PAUSED, today, 2));
		publish(new ChampionJoined(champion, 0, department, "Late", today, 1));
		awaitOne(EventKind.CHAMPION_JOINED, champion);
		awaitOne(EventKind.CHAMPION_LEFT, champion);
		assertThat(active(champion)).isFalse();

		long experiment = 400_000_000L + System.nanoTime() % 1_000_000;
		publish(new ExperimentCompleted(experiment, "Late", department, Platform.TIKTOK, Outcome.SUCCEEDED,
				today.minusDays(9), today, 3));
		publish(new ExperimentStarted(experiment, "Late", department, Platform.TIKTOK, today.minusDays(9), 2));
		awaitOne(EventKind.EXPERIMENT_STARTED, experiment);
		awaitOne(EventKind.EXPERIMENT_COMPLETED, experiment);
		assertThat(jdbc.sql("select outcome from adoption_experiment where experiment_id = :id")
			.param("id", experiment)
			.query(String.class)
			.single()).isEqualTo("SUCCEEDED");
	}

	@Test
	void a_corrected_run_is_on_the_timeline_and_in_the_runs() {
		long id = experiments.startedIn(data.department(), TestData.unique("Corrected"), TestClock.today().minusDays(3));
		experiments.correctRun(id, TestClock.today().minusDays(40), null);

		TimelineEntry corrected = awaitOne(EventKind.EXPERIMENT_RUN_CORRECTED, id);

		assertThat(corrected.occurredOn()).isEqualTo(TestClock.today());
		assertThat(jdbc.sql("select started_on from adoption_experiment where experiment_id = :id")
			.param("id", id)
			.query(LocalDate.class)
			.single()).isEqualTo(TestClock.today().minusDays(40));
	}

	@Test
	void an_event_delivered_twice_is_recorded_once() {
		long department = data.department();
		long subject = 800_000_000L + System.nanoTime() % 1_000_000;
		ExperimentStarted started = new ExperimentStarted(subject, "Delivered twice", department, Platform.INSTAGRAM,
				TestClock.today().minusDays(2), 1);

		publish(started);
		awaitOne(EventKind.EXPERIMENT_STARTED, subject);
		publish(started);
		// The second delivery is over once the registry marks it completed; it must have added nothing.
		await().atMost(Duration.ofSeconds(10)).until(() -> completedDeliveries(subject) == 2);

		assertThat(count(EventKind.EXPERIMENT_STARTED, subject)).isEqualTo(1);
	}

	@Test
	void nothing_is_recorded_when_the_publishing_transaction_rolls_back() {
		long department = data.department();
		long subject = 700_000_000L + System.nanoTime() % 1_000_000;
		transactions.executeWithoutResult(status -> {
			events.publishEvent(new ExperimentStarted(subject, "Rolled back", department, Platform.INSTAGRAM,
					TestClock.today(), 1));
			status.setRollbackOnly();
		});
		long control = 600_000_000L + System.nanoTime() % 1_000_000;
		publish(new ExperimentStarted(control, "Committed", department, Platform.INSTAGRAM, TestClock.today(), 1));
		awaitOne(EventKind.EXPERIMENT_STARTED, control);

		assertThat(count(EventKind.EXPERIMENT_STARTED, subject)).isZero();
	}

	private void publish(Object event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
	}

	private TimelineEntry awaitOne(EventKind kind, long subject) {
		await().atMost(Duration.ofSeconds(10)).until(() -> count(kind, subject) > 0);
		assertThat(count(kind, subject)).isEqualTo(1);
		long id = jdbc.sql("select id from adoption_event where kind = :kind and subject_id = :subject")
			.param("kind", kind.name())
			.param("subject", subject)
			.query(Long.class)
			.single();
		TimelineFilter filter = new TimelineFilter();
		filter.setKind(List.of(kind.name()));
		return timeline.page(filter, org.springframework.data.domain.PageRequest.of(0, 1000))
			.stream()
			.filter(entry -> entry.id() == id)
			.findFirst()
			.orElseThrow();
	}

	private List<TimelineEntry> departmentTimeline(long department) {
		TimelineFilter filter = new TimelineFilter();
		filter.setDepartment(List.of(department));
		return timeline.page(filter, org.springframework.data.domain.PageRequest.of(0, 30)).getContent();
	}

	private long count(EventKind kind, long subject) {
		return jdbc.sql("select count(*) from adoption_event where kind = :kind and subject_id = :subject")
			.param("kind", kind.name())
			.param("subject", subject)
			.query(Long.class)
			.single();
	}

	private long completedDeliveries(long experimentId) {
		return jdbc.sql("""
				select count(*) from event_publication
				where completion_date is not null and listener_id like '%AdoptionRecorder%'
				  and event_type like '%ExperimentStarted' and serialized_event like :id
				""").param("id", "%\"experimentId\":" + experimentId + ",%").query(Long.class).single();
	}

	/** The department the champion's latest report has them active in, or null. */
	private Long activeIn(long champion) {
		return jdbc.sql("""
				select champion_department_id from adoption_event
				where kind in ('CHAMPION_JOINED', 'CHAMPION_LEFT', 'CHAMPION_MOVED') and subject_id = :id
				order by subject_sequence desc, id desc limit 1
				""").param("id", champion).query(Long.class).optional().orElse(null);
	}

	private boolean active(long champion) {
		return activeIn(champion) != null;
	}

}
