package org.waterhole;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.task.AsyncTaskExecutor;
import org.waterhole.casestudy.CaseStudyForm;
import org.waterhole.casestudy.CaseStudyService;
import org.waterhole.casestudy.EvidenceType;
import org.waterhole.shared.Platform;
import org.waterhole.support.EmbeddedDatabase;
import org.waterhole.support.StandaloneApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event between modules published just before the application stops, before its listener
 * ran, is delivered after the next start: the publication waits in the registry
 * ({@code event_publication}) and is handed to its listener again on start. Here a case study is
 * published while the one thread that runs listeners is busy, the application stops, and the
 * adoption timeline's entry for it appears only once the application runs again.
 */
class EventsAcrossRestartTests {

	private static final String TITLE = "Published just before the stop";

	@Test
	void an_event_published_just_before_a_stop_is_delivered_after_the_next_start() throws Exception {
		String url = EmbeddedDatabase.emptyDatabase("events_across_restart");
		CountDownLatch busy = new CountDownLatch(1);
		try (ConfigurableApplicationContext app = start(url)) {
			// The listeners' single thread is kept busy until the application stops.
			app.getBean("applicationTaskExecutor", AsyncTaskExecutor.class).execute(() -> {
				try {
					busy.await();
				}
				catch (InterruptedException stopping) {
					Thread.currentThread().interrupt();
				}
			});
			CaseStudyService caseStudies = app.getBean(CaseStudyService.class);
			long id = caseStudies.create(form(), EmbeddedDatabase.number(url, "select id from person where email = ?",
					StandaloneApplication.STRATEGIST_EMAIL));
			caseStudies.publish(id, 0L);
			assertThat(EmbeddedDatabase.number(url, "select count(*) from event_publication where completion_date is null"))
				.as("waiting in the registry")
				.isPositive();
			assertThat(timelineEntries(url)).as("not delivered before the stop").isZero();
		}
		finally {
			busy.countDown();
		}
		assertThat(timelineEntries(url)).as("not delivered while stopped").isZero();

		try (ConfigurableApplicationContext again = start(url)) {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(timelineEntries(url)).isEqualTo(1));
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		return StandaloneApplication.startWithStrategist(url, List.of(), "--spring.task.execution.pool.core-size=1",
				"--spring.task.execution.pool.max-size=1", "--spring.lifecycle.timeout-per-shutdown-phase=2s");
	}

	private static CaseStudyForm form() {
		CaseStudyForm form = new CaseStudyForm();
		form.setTitle(TITLE);
		form.setSummary("Delivered after the restart.");
		form.setBody("Some words.");
		form.setSourceName("Test");
		form.setSourceUrl("https://example.org/restart");
		form.setPublishedOn(LocalDate.of(2025, 1, 1));
		form.setEvidenceType(EvidenceType.PEER_CASE_STUDY);
		form.setPlatforms(new java.util.LinkedHashSet<>(Set.of(Platform.LINKEDIN)));
		return form;
	}

	private static long timelineEntries(String url) {
		return EmbeddedDatabase.number(url, "select count(*) from adoption_event where title = ?", TITLE);
	}

}
