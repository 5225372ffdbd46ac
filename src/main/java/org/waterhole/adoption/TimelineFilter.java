package org.waterhole.adoption;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.waterhole.shared.validation.ReasonableDate;

/**
 * The timeline's filters as the URL carries them: departments and kinds (any of each), and a
 * date range. Values that mean nothing are left out.
 */
public class TimelineFilter {

	private List<Long> department = new ArrayList<>();

	private List<String> kind = new ArrayList<>();

	private LocalDate from;

	private LocalDate to;

	public List<Long> departments() {
		return department.stream().filter(Objects::nonNull).distinct().toList();
	}

	public List<EventKind> kinds() {
		return kind.stream()
			.filter(Objects::nonNull)
			.flatMap(name -> Arrays.stream(EventKind.values()).filter(k -> k.name().equals(name)))
			.distinct()
			.toList();
	}

	/** The first day, if it is one a person could mean. */
	public LocalDate fromDate() {
		return reasonable(from);
	}

	public LocalDate toDate() {
		return reasonable(to);
	}

	public boolean isNarrowed() {
		return !departments().isEmpty() || !kinds().isEmpty() || fromDate() != null || toDate() != null;
	}

	private static LocalDate reasonable(LocalDate date) {
		return date != null && date.getYear() >= ReasonableDate.FIRST_YEAR && date.getYear() <= ReasonableDate.LAST_YEAR
				? date : null;
	}

	public List<Long> getDepartment() {
		return department;
	}

	public void setDepartment(List<Long> department) {
		this.department = department == null ? new ArrayList<>() : department;
	}

	public List<String> getKind() {
		return kind;
	}

	public void setKind(List<String> kind) {
		this.kind = kind == null ? new ArrayList<>() : kind;
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

}
