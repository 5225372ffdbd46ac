package org.waterhole.adoption;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.waterhole.shared.validation.ReasonableDate;

/**
 * The dashboard's filters: a date range (the last 12 months by default) and departments. With
 * none chosen, a manager's dashboard opens on their own department ({@link #openOn}); with
 * {@code scope=organisation} (what the filter form and every link of the dashboard send) no
 * department chosen means the whole organisation, so that a shared address shows the same to
 * everyone. A range the dashboard can't show as asked is shown adjusted, and says so: it ends
 * today at the latest, is at most five years long, and its ends are swapped when given the wrong
 * way round; a date that isn't one falls back to the default.
 */
public class DashboardFilter {

	static final int MAX_MONTHS = 60;

	/** The {@code scope} that makes no department chosen mean the whole organisation. */
	public static final String ORGANISATION = "organisation";

	private LocalDate from;

	private LocalDate to;

	private List<Long> department = new ArrayList<>();

	private String scope;

	/**
	 * Chooses {@code ownDepartment} (when there is one) if no department was chosen and the whole
	 * organisation wasn't asked for: where a manager's dashboard opens.
	 */
	public void openOn(Long ownDepartment) {
		if (ownDepartment != null && departments().isEmpty() && !ORGANISATION.equals(scope)) {
			department = new ArrayList<>(List.of(ownDepartment));
		}
	}

	/** The range shown on {@code today}, with the message keys of what was adjusted. */
	public Range range(LocalDate today) {
		List<String> adjusted = new ArrayList<>();
		LocalDate end = today;
		LocalDate start = null;
		if (to != null && !reasonable(to)) {
			adjusted.add("dashboard.adjusted.to");
		}
		else if (to != null) {
			end = to;
		}
		if (from != null && !reasonable(from)) {
			adjusted.add("dashboard.adjusted.from");
		}
		else if (from != null) {
			start = from;
		}
		if (start != null && start.isAfter(end)) {
			LocalDate swap = start;
			start = end;
			end = swap;
			adjusted.add("dashboard.adjusted.swapped");
		}
		if (end.isAfter(today)) {
			end = today;
			adjusted.add("dashboard.adjusted.future");
			if (start != null && start.isAfter(end)) {
				start = null;
			}
		}
		if (start == null) {
			start = end.minusYears(1).plusDays(1);
		}
		else if (start.isBefore(end.minusMonths(MAX_MONTHS).plusDays(1))) {
			start = end.minusMonths(MAX_MONTHS).plusDays(1);
			adjusted.add("dashboard.adjusted.tooLong");
		}
		return new Range(start, end, List.copyOf(adjusted));
	}

	public List<Long> departments() {
		return department.stream().filter(Objects::nonNull).distinct().toList();
	}

	private static boolean reasonable(LocalDate date) {
		return date.getYear() >= ReasonableDate.FIRST_YEAR && date.getYear() <= ReasonableDate.LAST_YEAR;
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

	public String getScope() {
		return scope;
	}

	public void setScope(String scope) {
		this.scope = scope;
	}

	/** The days shown, both included, and the message keys of what was changed from what was asked. */
	public record Range(LocalDate start, LocalDate end, List<String> adjusted) {
	}

}
