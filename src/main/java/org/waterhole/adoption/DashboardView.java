package org.waterhole.adoption;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.waterhole.adoption.Dashboard.Coverage;
import org.waterhole.adoption.Dashboard.ExperimentFigures;
import org.waterhole.adoption.Dashboard.MonthRow;
import org.waterhole.adoption.Dashboard.ReachRow;
import org.waterhole.adoption.Dashboard.StalledRow;

/** Everything the dashboard shows, for one range and choice of departments. */
public record DashboardView(LocalDate start, LocalDate end, List<String> departments, Map<Stage, Long> stagesNow,
		List<MonthRow> months, ExperimentFigures experiments, Coverage coverage, List<ReachRow> reach,
		List<StalledRow> stalled, List<TimelineEntry> milestones, List<TimelineEntry> objections) {

	/** The adoption index at the end of the range. */
	public BigDecimal indexNow() {
		return months.isEmpty() ? BigDecimal.ZERO : months.get(months.size() - 1).index();
	}

	/** How the index moved over the range: last month's minus the first's. */
	public BigDecimal indexChange() {
		return months.isEmpty() ? BigDecimal.ZERO : indexNow().subtract(months.get(0).index());
	}

	public long departmentCount() {
		return stagesNow.values().stream().mapToLong(Long::longValue).sum();
	}

}
