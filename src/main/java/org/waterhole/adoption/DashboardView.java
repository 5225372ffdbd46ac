package org.waterhole.adoption;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.waterhole.adoption.Dashboard.Coverage;
import org.waterhole.adoption.Dashboard.ExperimentFigures;
import org.waterhole.adoption.Dashboard.MonthRow;
import org.waterhole.adoption.Dashboard.ObjectionRow;
import org.waterhole.adoption.Dashboard.ReachRow;
import org.waterhole.adoption.Dashboard.StalledRow;

/**
 * Everything the dashboard shows, for one range and choice of departments; {@code baseline} is
 * the day before the range, {@code objectionsByCategory} one row per category, {@code notices}
 * the message keys of what was shown other than asked.
 */
public record DashboardView(LocalDate start, LocalDate end, List<String> departments, List<MonthRow> months,
		MonthRow baseline, ExperimentFigures experiments, Coverage coverage, List<ReachRow> reach,
		List<StalledRow> stalled, List<TimelineEntry> milestones, List<TimelineEntry> objections,
		List<ObjectionRow> objectionsByCategory, List<String> notices) {

	/** The objections of every category together (see {@code objectionsByCategory}). */
	public ObjectionRow objectionsTotal() {
		return ObjectionRow.total(objectionsByCategory);
	}

	/** How many departments were at each stage at the end of the range. */
	public Map<Stage, Long> stagesNow() {
		return months.get(months.size() - 1).counts();
	}

	/** The adoption index at the end of the range. */
	public BigDecimal indexNow() {
		return months.get(months.size() - 1).index();
	}

	/**
	 * How the index moved over the range: from the day before it (or, when no department was
	 * there yet, from the end of its first month) to its end.
	 */
	public BigDecimal indexChange() {
		MonthRow from = baseline.departments() > 0 ? baseline : months.get(0);
		return indexNow().subtract(from.index());
	}

	/** The departments counted at the end of the range. */
	public long departmentCount() {
		return months.get(months.size() - 1).departments();
	}

}
