package org.waterhole.shared.format;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;

/**
 * The one clock the application reads "now" from, in the organisation's time zone
 * ({@code waterhole.time-zone}, the system's by default). Tests replace it to pin the date.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaAuditing(dateTimeProviderRef = "recordTimes")
public class ClockConfiguration {

	@Bean
	Clock clock(@Value("${waterhole.time-zone:}") String timeZone) {
		return timeZone.isBlank() ? Clock.systemDefaultZone() : Clock.system(ZoneId.of(timeZone));
	}

	/**
	 * Dates the records' {@code created_at} and {@code updated_at} (Spring Data's auditing) by this
	 * clock too, so that the day a record was made is the application's day, as the pages that
	 * count from it expect.
	 */
	@Bean
	DateTimeProvider recordTimes(Clock clock) {
		return () -> Optional.of(clock.instant());
	}

}
