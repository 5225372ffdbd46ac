package org.waterhole.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV for spreadsheets (Apache Commons CSV): RFC 4180 with every field quoted, UTF-8 with a
 * byte-order mark so that spreadsheets read it as such, and a header row. Text that a
 * spreadsheet would take for a formula ({@code = + - @}, tab or carriage return) is made plain by
 * an apostrophe, at the start of a cell and wherever a spreadsheet might split the cell into
 * several: after a semicolon, comma, tab or line break, spaces between them included.
 */
public final class SafeCsv {

	/**
	 * Where an apostrophe goes: before a formula's first character that starts the text or
	 * follows a separator (spaces between them allowed, as a spreadsheet may trim them).
	 */
	private static final Pattern FORMULA_START = Pattern.compile("(?:^|(?<=[;,\\t\\r\\n]))( *)(?=[=+\\-@\\t\\r])");

	private SafeCsv() {
	}

	/** A printer on {@code out} that has written the byte-order mark and the header. */
	public static CSVPrinter printer(OutputStream out, List<String> header) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		return new CSVPrinter(writer, CSVFormat.RFC4180.builder()
			.setQuoteMode(QuoteMode.ALL)
			.setHeader(header.toArray(String[]::new))
			.get());
	}

	/**
	 * A printer on {@code out} that has written the byte-order mark, a first row of one cell
	 * saying what the file holds ({@code title}, made plain like any text), then the header.
	 */
	public static CSVPrinter printer(OutputStream out, String title, List<String> header) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get());
		printer.printRecord(text(title));
		printer.printRecord(header);
		return printer;
	}

	/** Text as a cell: unchanged, unless a spreadsheet would run some of it. */
	public static String text(String value) {
		return value == null ? null : FORMULA_START.matcher(value).replaceAll("$1'");
	}

}
