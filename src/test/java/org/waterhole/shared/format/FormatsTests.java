package org.waterhole.shared.format;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How long ago a day was, and how long a period is, as the pages say it. */
class FormatsTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T23:30:00Z"), ZoneId.of("Europe/London"));

	Formats fmt;

	@BeforeEach
	void setUp() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		fmt = new Formats(CLOCK, messages);
		LocaleContextHolder.setLocale(Locale.UK);
	}

	@AfterEach
	void tearDown() {
		LocaleContextHolder.resetLocaleContext();
	}

	/** Today is "today": as a moment it came out "moments ago", or "moments from now" a millisecond on. */
	@Test
	void today_is_today_and_other_days_are_relative() {
		LocalDate today = LocalDate.now(CLOCK);
		assertThat(fmt.ago(today)).isEqualTo("today");
		assertThat(fmt.ago(today.minusDays(14))).isEqualTo("2 weeks ago");
		assertThat(fmt.ago(today.plusMonths(4))).endsWith("from now");
		assertThat(fmt.ago((LocalDate) null)).isEmpty();
	}

	/** A retention period in words, as it was set: 13 months stays 13 months. */
	@Test
	void periods_are_said_in_words() {
		assertThat(fmt.period(Period.parse("P13M"))).isEqualTo("13 months");
		assertThat(fmt.period(Period.parse("P6M"))).isEqualTo("6 months");
		assertThat(fmt.period(Period.parse("P1M"))).isEqualTo("1 month");
		assertThat(fmt.period(Period.parse("P1Y6M"))).isEqualTo("1 year and 6 months");
		assertThat(fmt.period(Period.parse("P2Y1M3D"))).isEqualTo("2 years, 1 month and 3 days");
		assertThat(fmt.period(Period.parse("P2W"))).isEqualTo("14 days");
		assertThat(fmt.period(Period.ZERO)).isEqualTo("0 days");
		assertThat(fmt.period(null)).isEmpty();
	}

}
