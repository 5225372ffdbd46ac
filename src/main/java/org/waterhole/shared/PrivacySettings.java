package org.waterhole.shared;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long Waterhole keeps what connects a person to what they read ({@code waterhole.privacy.*}).
 * Checked at startup: at least six months, so that the folding never reaches into the days the
 * reach and the readiness still read by name (90 days and more).
 *
 * @param namedReadings how long a named reading or helpful mark is kept before it is folded into
 * its department's daily counts; the log of who opened a list of named readers is kept as long
 */
@ConfigurationProperties("waterhole.privacy")
public record PrivacySettings(@DefaultValue("P13M") Period namedReadings) {

	/** The shortest period allowed. */
	public static final Period SHORTEST = Period.ofMonths(6);

	/** Days that are six months whatever the months: six of the longest run of months (184). */
	private static final int SHORTEST_IN_DAYS = 184;

	/** The shortest month, to count a period's months in days no longer than they can be. */
	private static final int SHORTEST_MONTH_DAYS = 28;

	public PrivacySettings {
		if (!atLeastSixMonths(namedReadings)) {
			throw new IllegalArgumentException("waterhole.privacy.named-readings must be at least " + SHORTEST
					+ " (six months), with no negative part, such as P13M; it is " + namedReadings);
		}
	}

	private static boolean atLeastSixMonths(Period period) {
		if (period == null || period.isNegative()) {
			return false;
		}
		return period.toTotalMonths() >= SHORTEST.toTotalMonths()
				|| period.toTotalMonths() * SHORTEST_MONTH_DAYS + period.getDays() >= SHORTEST_IN_DAYS;
	}

}
