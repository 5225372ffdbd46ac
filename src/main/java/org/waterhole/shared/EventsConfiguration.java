package org.waterhole.shared;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Listeners between modules ({@code @ApplicationModuleListener}) run after the publishing
 * transaction, on Spring Boot's task executor. Spring Modulith keeps each event until its
 * listener succeeded: what is still incomplete is delivered again on restart and, so that a
 * passing failure (the database restarting) heals without one, every
 * {@code waterhole.events.retry-interval} for events older than
 * {@code waterhole.events.retry-after}. Listeners are idempotent, so a second delivery is
 * harmless. Completed events are deleted after a week, nightly.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class EventsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EventsConfiguration.class);

	/** Completed events are kept this long (to look into what happened), then deleted. */
	private static final Duration KEEP_COMPLETED = Duration.ofDays(7);

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final Duration retryAfter;

	EventsConfiguration(IncompleteEventPublications incomplete, CompletedEventPublications completed,
			@Value("${waterhole.events.retry-after:PT2M}") Duration retryAfter) {
		this.incomplete = incomplete;
		this.completed = completed;
		this.retryAfter = retryAfter;
	}

	@Scheduled(cron = "${waterhole.events.purge-cron:0 17 3 * * *}")
	void purgeCompletedEvents() {
		completed.deletePublicationsOlderThan(KEEP_COMPLETED);
	}

	@Scheduled(fixedDelayString = "${waterhole.events.retry-interval:PT5M}",
			initialDelayString = "${waterhole.events.retry-interval:PT5M}")
	void retryIncompleteEvents() {
		try {
			incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
		}
		catch (RuntimeException ex) {
			log.warn("Could not deliver incomplete events again; trying later: {}", ex.toString());
		}
	}

}
