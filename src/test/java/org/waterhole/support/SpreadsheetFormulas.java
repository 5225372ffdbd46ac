package org.waterhole.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a spreadsheet would run in a CSV cell, read independently of the application's SafeCsv: a
 * part of the cell that starts with {@code = + - @}, tab or carriage return, where a part starts at
 * the beginning of the cell or after a semicolon, comma, tab or line break (a spreadsheet may split
 * the cell there), spaces before it ignored. A part made plain starts with an apostrophe instead.
 * A cell that is a number ({@code -3.5}) is a number, not a formula.
 */
public final class SpreadsheetFormulas {

	private static final String SEPARATORS = ";,\t\r\n";

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

	private SpreadsheetFormulas() {
	}

	/** The parts of {@code cell} a spreadsheet would run, from where each starts; none: an empty list. */
	public static List<String> runnable(String cell) {
		List<String> formulas = new ArrayList<>();
		if (cell == null || NUMBER.matcher(cell).matches()) {
			return formulas;
		}
		for (int i = 0; i < cell.length(); i++) {
			if (i > 0 && SEPARATORS.indexOf(cell.charAt(i - 1)) < 0) {
				continue;
			}
			int start = i;
			while (start < cell.length() && cell.charAt(start) == ' ') {
				start++;
			}
			if (start < cell.length() && FORMULA_STARTS.indexOf(cell.charAt(start)) >= 0) {
				formulas.add(cell.substring(start));
			}
		}
		return formulas;
	}

}
