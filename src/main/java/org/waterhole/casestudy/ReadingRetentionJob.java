package org.waterhole.casestudy;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.waterhole.shared.ScheduledJobs;

/**
 * The nightly job {@code fold-named-readings}: folds the named readings and helpful marks older
 * than {@code waterhole.privacy.named-readings} into counts ({@link ReadingRetention}), by default
 * at 03:30 in the application's time zone ({@code waterhole.privacy.fold-cron}). It runs on one
 * instance at a time, as every job does (ShedLock, see {@link ScheduledJobs}), and is counted in
 * the {@code waterhole.jobs.runs} meter. A run that finds nothing to fold changes nothing.
 */
@Component
class ReadingRetentionJob {

	private final ReadingRetention retention;

	private final MeterRegistry meters;

	ReadingRetentionJob(ReadingRetention retention, MeterRegistry meters) {
		this.retention = retention;
		this.meters = meters;
	}

	@Scheduled(cron = "${waterhole.privacy.fold-cron:0 30 3 * * *}", zone = "${waterhole.time-zone:}")
	@SchedulerLock(name = ReadingRetention.FOLD, lockAtLeastFor = "PT5M", lockAtMostFor = "PT1H")
	public void foldExpired() {
		meters.counter(ScheduledJobs.RUNS, "job", ReadingRetention.FOLD).increment();
		retention.foldExpired();
	}

}
