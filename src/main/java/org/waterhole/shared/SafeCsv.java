package org.waterhole.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for spreadsheets (Apache Commons CSV): RFC 4180, UTF-8 with a byte-order mark so that
 * spreadsheets read it as such, a header row, and text that a spreadsheet would take for a
 * formula ({@code = + - @}, tab or carriage return first) made plain by a leading apostrophe.
 */
public final class SafeCsv {

	private SafeCsv() {
	}

	/** A printer on {@code out} that has written the byte-order mark and the header. */
	public static CSVPrinter printer(OutputStream out, List<String> header) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		return new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
	}

	/** Text as a cell: unchanged, unless a spreadsheet would run it. */
	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

}
