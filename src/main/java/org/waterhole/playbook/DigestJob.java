package org.waterhole.playbook;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.waterhole.shared.ScheduledJobs;

/**
 * The weekly digest's jobs, run on one instance at a time as every job is (ShedLock, see
 * {@link ScheduledJobs}) and counted in its {@code waterhole.jobs.runs} meter:
 * <ul>
 * <li>{@code weekly-digest} sends the week's digests, by default on Mondays at 07:00 in the
 * application's time zone ({@code waterhole.digest.cron});</li>
 * <li>{@code weekly-digest-retry} sends again, hourly by default
 * ({@code waterhole.digest.retry-cron}), the week's digests that could not be sent.</li>
 * </ul>
 * However often either runs, on however many instances, each account gets one digest a week.
 */
class DigestJob {

	static final String WEEKLY = "weekly-digest";

	static final String RETRY = "weekly-digest-retry";

	private final Digests digests;

	private final MeterRegistry meters;

	DigestJob(Digests digests, MeterRegistry meters) {
		this.digests = digests;
		this.meters = meters;
	}

	@Scheduled(cron = "${waterhole.digest.cron:0 0 7 * * MON}", zone = "${waterhole.time-zone:}")
	@SchedulerLock(name = WEEKLY, lockAtLeastFor = "PT5M", lockAtMostFor = "PT1H")
	public void sendWeekly() {
		counted(WEEKLY);
		digests.sendWeek();
	}

	@Scheduled(cron = "${waterhole.digest.retry-cron:0 30 * * * *}", zone = "${waterhole.time-zone:}")
	@SchedulerLock(name = RETRY, lockAtLeastFor = "PT5M", lockAtMostFor = "PT1H")
	public void retryFailed() {
		counted(RETRY);
		digests.retryWeek();
	}

	private void counted(String job) {
		meters.counter(ScheduledJobs.RUNS, "job", job).increment();
	}

}
