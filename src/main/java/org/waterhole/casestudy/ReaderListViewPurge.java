package org.waterhole.casestudy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.waterhole.shared.PrivacySettings;
import org.waterhole.shared.ScheduledJobs;

/**
 * Nightly, deletes the entries of the log of who looked at named readers that are older than
 * named readings are kept ({@code waterhole.privacy.named-readings}). One instance runs it at a
 * time (ShedLock, as every job in {@link ScheduledJobs}); each run is counted in
 * {@value ScheduledJobs#RUNS}.
 */
@Component
class ReaderListViewPurge {

	static final String JOB = "purge-reader-list-views";

	private static final Logger log = LoggerFactory.getLogger(ReaderListViewPurge.class);

	private final ReaderListViews views;

	private final PrivacySettings privacy;

	private final MeterRegistry meters;

	private final Clock clock;

	ReaderListViewPurge(ReaderListViews views, PrivacySettings privacy, MeterRegistry meters, Clock clock) {
		this.views = views;
		this.privacy = privacy;
		this.meters = meters;
		this.clock = clock;
	}

	@Scheduled(cron = "${waterhole.privacy.views-purge-cron:0 37 3 * * *}", zone = "${waterhole.time-zone:}")
	@SchedulerLock(name = JOB, lockAtLeastFor = "PT1M")
	public void purge() {
		meters.counter(ScheduledJobs.RUNS, "job", JOB).increment();
		int deleted = views.deleteBefore(cutoff());
		if (deleted > 0) {
			log.info("Deleted {} entries of the log of who looked at named readers, older than {}", deleted,
					privacy.namedReadings());
		}
	}

	/** The oldest moment still kept: the period of named readings before now. */
	Instant cutoff() {
		return ZonedDateTime.now(clock).minus(privacy.namedReadings()).toInstant();
	}

}
