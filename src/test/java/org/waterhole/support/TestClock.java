package org.waterhole.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock every application the tests start reads "now" from: standing still at {@link #START}
 * in {@link #ZONE} until a test sets or advances it, and back at the start before each test
 * ({@link ResetTestClock}). One per JVM, as the embedded database is, so test data helpers read
 * the same day as the application without being handed it. The machine's own zone and date play
 * no part: a test passes the same way on any day, at any hour, anywhere.
 */
public final class TestClock extends Clock {

	/**
	 * The Chatham Islands: far from UTC (+13:45 in November) and not a whole number of hours
	 * away from it, so a day taken in UTC or in the machine's zone is a different day.
	 */
	public static final ZoneId ZONE = ZoneId.of(TestClockConfiguration.ZONE_NAME);

	/**
	 * Wednesday 25 November 2026 at 10:30 there (still the 24th in UTC): the "today" the demo data
	 * is written for, a weekday, and far enough from midnight that no test crosses it unless it
	 * means to.
	 */
	public static final ZonedDateTime START = ZonedDateTime.of(2026, 11, 25, 10, 30, 0, 0, ZONE);

	private static final TestClock CLOCK = new TestClock(new AtomicReference<>(START.toInstant()), ZONE);

	private final AtomicReference<Instant> instant;

	private final ZoneId zone;

	private TestClock(AtomicReference<Instant> instant, ZoneId zone) {
		this.instant = instant;
		this.zone = zone;
	}

	/** The JVM's test clock. */
	public static TestClock get() {
		return CLOCK;
	}

	/** The test clock's day in {@link #ZONE}: "today" for the application. */
	public static LocalDate today() {
		return LocalDate.now(CLOCK);
	}

	/** The test clock's instant: "now" for the application. */
	public static Instant now() {
		return CLOCK.instant();
	}

	/** Puts the clock at {@code local} time in {@link #ZONE}. */
	public void set(LocalDateTime local) {
		instant.set(local.atZone(ZONE).toInstant());
	}

	/** Moves the clock on by {@code duration} (back, when it is negative). */
	public void advance(Duration duration) {
		instant.updateAndGet(now -> now.plus(duration));
	}

	/** Puts the clock back at {@link #START}. */
	public void reset() {
		instant.set(START.toInstant());
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	/** The same clock seen from {@code zone}: setting or advancing one moves both. */
	@Override
	public Clock withZone(ZoneId zone) {
		return new TestClock(instant, zone);
	}

	@Override
	public Instant instant() {
		return instant.get();
	}

	@Override
	public String toString() {
		return "TestClock[" + instant().atZone(zone) + "]";
	}

}
