package org.waterhole.experiment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.waterhole.shared.Platform;

/** An experiment as its page shows it, with its measurements in date order. */
public record ExperimentView(long id, String title, String hypothesis, long departmentId, String departmentName,
		Platform platform, long ownerId, String ownerName, ExperimentStatus status, int impact, int confidence,
		int ease, BigDecimal iceScore, LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart,
		LocalDate actualEnd, String metricName, String metricUnit, BigDecimal baseline, BigDecimal target,
		Direction direction, Outcome outcome, String learnings, String abandonReason,
		List<MeasurementRow> measurements, Map<Long, String> inspiredBy, Long resultCaseStudyId, long version,
		Instant updatedAt) {

	/** Progress shown beyond this many percent either way is said as "more than". */
	public static final long PROGRESS_SHOWN = 999;

	/** One measurement, as a table row and a point of the chart. */
	public record MeasurementRow(long id, LocalDate measuredOn, BigDecimal value, String note, long version) {
	}

	public Set<ExperimentStatus> next() {
		return status.next();
	}

	public boolean measurable() {
		return status == ExperimentStatus.RUNNING || status == ExperimentStatus.COMPLETED;
	}

	public MeasurementRow latest() {
		return measurements.isEmpty() ? null : measurements.get(measurements.size() - 1);
	}

	/**
	 * How far the latest measurement has come from the baseline toward the target, in percent
	 * (100 at the target, below 0 when it moved the other way), or {@code null} when there is
	 * nothing to tell: no measurement, or no baseline and target to compare with.
	 */
	public Long progressPercent() {
		MeasurementRow latest = latest();
		if (latest == null || baseline == null || target == null || baseline.compareTo(target) == 0) {
			return null;
		}
		BigDecimal percent = latest.value()
			.subtract(baseline)
			.multiply(BigDecimal.valueOf(100))
			.divide(target.subtract(baseline), 0, RoundingMode.HALF_UP);
		BigDecimal bound = BigDecimal.valueOf(PROGRESS_SHOWN + 1);
		return percent.max(bound.negate()).min(bound).longValue();
	}

	/** For templates: {@link #PROGRESS_SHOWN}. */
	public long progressShown() {
		return PROGRESS_SHOWN;
	}

	public boolean closed() {
		return !status.isOpen();
	}

}
