package org.waterhole.organization;

import java.util.List;

/**
 * What a CSV import of people did, row by row. When the file as a whole could not be used,
 * {@code fileProblem} says why (a message key) and nothing was imported.
 */
public record ImportReport(List<Row> rows, String fileProblem, Object[] fileProblemArgs) {

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

	static ImportReport of(List<Row> rows) {
		return new ImportReport(List.copyOf(rows), null, new Object[0]);
	}

	static ImportReport failed(String fileProblem, Object... args) {
		return new ImportReport(List.of(), fileProblem, args);
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
