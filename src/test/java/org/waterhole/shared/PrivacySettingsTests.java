package org.waterhole.shared;

import java.time.Period;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How long named readings are kept is checked when the settings are bound, at startup: no
 * shorter than six months, nothing negative; the message names the setting and the value.
 */
class PrivacySettingsTests {

	@Test
	void six_months_or_more_is_accepted() {
		assertThat(bind("P13M").namedReadings()).isEqualTo(Period.ofMonths(13));
		assertThat(bind("P6M").namedReadings()).isEqualTo(Period.ofMonths(6));
		assertThat(bind("P1Y").namedReadings()).isEqualTo(Period.ofYears(1));
		assertThat(bind("P184D").namedReadings()).isEqualTo(Period.ofDays(184));
	}

	@Test
	void nothing_shorter_than_six_months_nor_negative_is_accepted() {
		for (String value : new String[] { "P0D", "P5M", "P90D", "P183D", "-P13M", "P13M-1D", "P-1Y" }) {
			assertThatThrownBy(() -> bind(value)).as(value)
				.isInstanceOf(BindException.class)
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("waterhole.privacy.named-readings must be at least P6M")
				.hasMessageContaining(Period.parse(value).toString());
		}
	}

	@Test
	void the_default_is_thirteen_months() {
		PrivacySettings settings = new Binder(new MapConfigurationPropertySource(Map.of("waterhole.other", "x")))
			.bindOrCreate("waterhole.privacy", PrivacySettings.class);
		assertThat(settings.namedReadings()).isEqualTo(Period.ofMonths(13));
	}

	private static PrivacySettings bind(String namedReadings) {
		return new Binder(new MapConfigurationPropertySource(Map.of("waterhole.privacy.named-readings", namedReadings)))
			.bind("waterhole.privacy", PrivacySettings.class)
			.get();
	}

}
