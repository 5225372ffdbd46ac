package org.waterhole.shared.format;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
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

}
