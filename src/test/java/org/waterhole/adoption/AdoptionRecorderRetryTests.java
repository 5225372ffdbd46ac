package org.waterhole.adoption;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.waterhole.experiment.ExperimentStarted;
import org.waterhole.experiment.ExperimentsData;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;

/**
 * When recording fails (the database hiccups), the event stays in Spring Modulith's publication
 * registry as incomplete and is recorded, once, when it is delivered again. Its own context,
 * because the log is a spy here.
 */
@WaterholeTest
class AdoptionRecorderRetryTests {

	@MockitoSpyBean
	AdoptionLog log;

	@Autowired
	ExperimentsData experiments;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void a_listener_that_fails_once_records_the_event_once_when_it_is_delivered_again() {
		long id = experiments.planned(TestData.unique("Fails once"));
		doThrow(new IllegalStateException("database hiccup")).doCallRealMethod()
			.when(log)
			.report(argThat(report -> report.kind() == EventKind.EXPERIMENT_STARTED && report.subjectId() == id));

		experiments.service().start(id, version(id), TestClock.today());

		await().atMost(Duration.ofSeconds(10)).until(() -> publications(id, false) == 1);
		assertThat(recorded(id)).isZero();

		incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof ExperimentStarted started
				&& started.experimentId() == id);

		await().atMost(Duration.ofSeconds(10)).until(() -> publications(id, true) == 1);
		assertThat(recorded(id)).isEqualTo(1);
		assertThat(publications(id, false)).isZero();
	}

	/**
	 * The worst moment to fail: the report is written and committed, but the listener fails before
	 * the registry marks the event completed (as when the application stops right then).
	 */
	@Test
	void a_listener_that_failed_after_its_write_committed_adds_nothing_when_the_event_is_delivered_again() {
		long id = experiments.planned(TestData.unique("Fails after writing"));
		TransactionTemplate separately = new TransactionTemplate(transactions);
		separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		doAnswer(invocation -> {
			separately.executeWithoutResult(status -> {
				try {
					invocation.callRealMethod();
				}
				catch (Throwable ex) {
					throw new IllegalStateException(ex);
				}
			});
			throw new IllegalStateException("stopped before the event was marked completed");
		}).doCallRealMethod()
			.when(log)
			.report(argThat(report -> report.kind() == EventKind.EXPERIMENT_STARTED && report.subjectId() == id));

		experiments.service().start(id, version(id), TestClock.today());

		// The event is incomplete from its publication on: wait for the listener's committed write.
		await().atMost(Duration.ofSeconds(10)).until(() -> recorded(id) == 1);
		assertThat(publications(id, false)).isEqualTo(1);

		incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof ExperimentStarted started
				&& started.experimentId() == id);

		await().atMost(Duration.ofSeconds(10)).until(() -> publications(id, true) == 1);
		assertThat(recorded(id)).isEqualTo(1);
	}

	private long version(long id) {
		return jdbc.sql("select version from experiment where id = :id").param("id", id).query(Long.class).single();
	}

	private long recorded(long experimentId) {
		return jdbc.sql("select count(*) from adoption_event where kind = 'EXPERIMENT_STARTED' and subject_id = :id")
			.param("id", experimentId)
			.query(Long.class)
			.single();
	}

	private long publications(long experimentId, boolean completed) {
		return jdbc.sql("""
				select count(*) from event_publication
				where listener_id like '%AdoptionRecorder%' and event_type like '%ExperimentStarted'
				  and serialized_event like :id and (completion_date is not null) = :completed
				""")
			.param("id", "%\"experimentId\":" + experimentId + ",%")
			.param("completed", completed)
			.query(Long.class)
			.single();
	}

}
