package org.waterhole.organization;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a CSV import of people did, row by row. When the file as a whole could not be used,
 * {@code fileProblem} says why (a message key) and nothing was imported. {@code createdIds}: the
 * people it created, whom the strategist may invite at once.
 */
public record ImportReport(List<Row> rows, String fileProblem, Object[] fileProblemArgs, List<Long> createdIds) {

	public enum Outcome {

		CREATED, UPDATED, UNCHANGED, REFUSED

	}

	/**
	 * One data row of the file; {@code number} counts the header as row 1, as a spreadsheet does.
	 * {@code problems} say why a row was refused, {@code changes} which fields an update changed.
	 */
	public record Row(long number, String name, String email, Outcome outcome, List<String> problems,
			List<String> changes) {
	}

	static ImportReport of(List<Row> rows, List<Long> createdIds) {
		return new ImportReport(List.copyOf(rows), null, new Object[0], List.copyOf(createdIds));
	}

	static ImportReport failed(String fileProblem, Object... args) {
		return new ImportReport(List.of(), fileProblem, args, List.of());
	}

	/** For the form that invites the people created: their ids, separated by commas. */
	public String createdIdList() {
		return createdIds.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	public boolean failed() {
		return fileProblem != null;
	}

	public long count(Outcome outcome) {
		return rows.stream().filter(row -> row.outcome() == outcome).count();
	}

	/** For templates: the count of one outcome by its name. */
	public long count(String outcome) {
		return count(Outcome.valueOf(outcome));
	}

}
