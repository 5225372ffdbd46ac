package org.waterhole.shared;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long Waterhole keeps what connects a person to what they read ({@code waterhole.privacy.*}).
 *
 * @param namedReadings how long a named reading or helpful mark is kept before it is folded into
 * its department's daily counts; the log of who opened a list of named readers is kept as long
 */
@ConfigurationProperties("waterhole.privacy")
public record PrivacySettings(@DefaultValue("P13M") Period namedReadings) {
}
