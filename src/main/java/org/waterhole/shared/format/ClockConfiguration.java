package org.waterhole.shared.format;

import java.time.Clock;
import java.time.ZoneId;

import org.hibernate.generator.internal.CurrentTimestampGeneration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock the application reads "now" from, in the organisation's time zone
 * ({@code waterhole.time-zone}, the system's by default). Tests replace it to pin the date.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

	@Bean
	Clock clock(@Value("${waterhole.time-zone:}") String timeZone) {
		return timeZone.isBlank() ? Clock.systemDefaultZone() : Clock.system(ZoneId.of(timeZone));
	}

	/**
	 * Dates the records' {@code created_at} and {@code updated_at} ({@code @CreationTimestamp},
	 * {@code @UpdateTimestamp}) by this clock too, Hibernate's own hook for it, so that the day a
	 * record was made is the application's day, as the pages that count from it expect.
	 */
	@Bean
	HibernatePropertiesCustomizer recordTimestampsFromClock(Clock clock) {
		return properties -> properties.put(CurrentTimestampGeneration.CLOCK_SETTING_NAME, clock);
	}

}
