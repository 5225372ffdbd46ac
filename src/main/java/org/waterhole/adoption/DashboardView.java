package org.waterhole.adoption;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.waterhole.adoption.Dashboard.Coverage;
import org.waterhole.adoption.Dashboard.ExperimentFigures;
import org.waterhole.adoption.Dashboard.MonthRow;
import org.waterhole.adoption.Dashboard.ObjectionRow;
import org.waterhole.adoption.Dashboard.Organisation;
import org.waterhole.adoption.Dashboard.ReachRow;
import org.waterhole.adoption.Dashboard.ReachTotal;
import org.waterhole.adoption.Dashboard.StalledRow;

/**
 * Everything the dashboard shows, for one range and choice of departments: {@code departments}
 * are the names of those counted (there by the end of the range), {@code asked} the names of
 * those chosen (none: the whole organisation); {@code baseline} is the day before the range,
 * {@code standings} every counted department's stage at its end, {@code objectionsByCategory} one
 * row per category, {@code organisation} the whole organisation's figures when departments were
 * chosen (null otherwise), {@code notices} the message keys of what was shown other than asked.
 */
public record DashboardView(LocalDate start, LocalDate end, List<String> departments, List<String> asked,
		List<MonthRow> months, MonthRow baseline, ExperimentFigures experiments, Coverage coverage,
		List<ReachRow> reach, List<StalledRow> stalled, List<StalledRow> standings, List<TimelineEntry> milestones,
		List<TimelineEntry> objections, List<TimelineEntry> stageChanges, List<ObjectionRow> objectionsByCategory,
		Organisation organisation, List<String> notices) {

	/** Whether the view is of the whole organisation (no department chosen). */
	public boolean wholeOrganisation() {
		return asked.isEmpty();
	}

	/** The reach of the departments together, those below the privacy floor left out. */
	public ReachTotal reachTotal() {
		return ReachTotal.of(reach);
	}

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
