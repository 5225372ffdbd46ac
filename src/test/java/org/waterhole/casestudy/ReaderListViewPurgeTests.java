package org.waterhole.casestudy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waterhole.shared.PrivacySettings;
import org.waterhole.shared.ScheduledJobs;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The nightly purge keeps the log of who looked at named readers as long as named readings, no longer. */
@WaterholeTest
class ReaderListViewPurgeTests {

	@Autowired
	ReaderListViewPurge purge;

	@Autowired
	ReaderListViews views;

	@Autowired
	PrivacySettings privacy;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestData data;

	@Test
	void entries_older_than_the_period_go_and_newer_ones_stay() {
		long viewer = data.person(null);
		long department = data.department();
		ZonedDateTime now = ZonedDateTime.now(TestClock.get());
		long old = entry(viewer, department, now.minus(privacy.namedReadings()).minusDays(1).toInstant());
		long recent = entry(viewer, department, now.minus(privacy.namedReadings()).plusDays(1).toInstant());
		views.department(viewer, department);
		double runs = runs();

		purge.purge();

		assertThat(runs()).isEqualTo(runs + 1);
		assertThat(jdbc.sql("select id from reader_list_view where viewer_id = :v order by viewed_at")
			.param("v", viewer)
			.query(Long.class)
			.list()).hasSize(2).startsWith(recent).doesNotContain(old);
	}

	private long entry(long viewer, long department, Instant at) {
		return jdbc.sql("""
				insert into reader_list_view (viewer_id, viewed_at, department_id) values (:v, :at, :d) returning id
				""").param("v", viewer).param("at", at.atOffset(ZoneOffset.UTC)).param("d", department)
			.query(Long.class)
			.single();
	}

	private double runs() {
		var counter = meters.find(ScheduledJobs.RUNS).tag("job", ReaderListViewPurge.JOB).counter();
		return counter == null ? 0 : counter.count();
	}

}
