package org.waterhole.adoption;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.waterhole.shared.validation.ReasonableDate;

/**
 * The dashboard's filters: a date range (the last 12 months by default) and departments (all by
 * default). Dates that mean nothing fall back to the default; a range is at most five years.
 */
public class DashboardFilter {

	static final int MAX_MONTHS = 60;

	private LocalDate from;

	private LocalDate to;

	private List<Long> department = new ArrayList<>();

	/** The last day of the range: the one asked for, or today. */
	public LocalDate end(LocalDate today) {
		return reasonable(to) ? to : today;
	}

	/** The first day: the one asked for (if before the end and within five years of it), or a year before the end. */
	public LocalDate start(LocalDate today) {
		LocalDate end = end(today);
		if (reasonable(from) && !from.isAfter(end) && !from.isBefore(end.minusMonths(MAX_MONTHS))) {
			return from;
		}
		return end.minusYears(1).plusDays(1);
	}

	public List<Long> departments() {
		return department.stream().filter(Objects::nonNull).distinct().toList();
	}

	private static boolean reasonable(LocalDate date) {
		return date != null && date.getYear() >= ReasonableDate.FIRST_YEAR && date.getYear() <= ReasonableDate.LAST_YEAR;
	}

	public LocalDate getFrom() {
		return from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	public LocalDate getTo() {
		return to;
	}

	public void setTo(LocalDate to) {
		this.to = to;
	}

	public List<Long> getDepartment() {
		return department;
	}

	public void setDepartment(List<Long> department) {
		this.department = department == null ? new ArrayList<>() : department;
	}

}
