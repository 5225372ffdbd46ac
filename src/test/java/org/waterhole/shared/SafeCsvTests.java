package org.waterhole.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Cells that a spreadsheet would run as formulas, wherever it might split them, come out as plain text. */
class SafeCsvTests {

	@Test
	void a_formula_at_the_start_of_a_cell_is_made_plain() {
		for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
			assertThat(SafeCsv.text(start + "SUM(A1)")).as(start).isEqualTo("'" + start + "SUM(A1)");
		}
	}

	@Test
	void a_formula_after_any_separator_a_spreadsheet_may_split_on_is_made_plain() {
		assertThat(SafeCsv.text("a;=HYPERLINK(\"http://evil\")")).isEqualTo("a;'=HYPERLINK(\"http://evil\")");
		assertThat(SafeCsv.text("a,+1")).isEqualTo("a,'+1");
		assertThat(SafeCsv.text("a\t-1")).isEqualTo("a\t'-1");
		assertThat(SafeCsv.text("a\n@SUM(A1)")).isEqualTo("a\n'@SUM(A1)");
		assertThat(SafeCsv.text("a\r\n=1+1")).isEqualTo("a\r\n'=1+1");
		assertThat(SafeCsv.text("a;  =1+1")).as("spaces a spreadsheet may trim").isEqualTo("a;  '=1+1");
		assertThat(SafeCsv.text("a;b;;=1")).isEqualTo("a;b;;'=1");
	}

	@Test
	void text_without_a_formula_is_unchanged() {
		for (String plain : List.of("", "Plain text", "a = b + c - d @ e", "3-2", "x;y,z", "Line one,\nline two")) {
			assertThat(SafeCsv.text(plain)).as(plain).isEqualTo(plain);
		}
		assertThat(SafeCsv.text(null)).isNull();
	}

	@Test
	void every_field_is_quoted_after_the_byte_order_mark_and_the_header() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CSVPrinter csv = SafeCsv.printer(out, List.of("name", "count"))) {
			csv.printRecord(SafeCsv.text("a;=1"), 2);
			csv.printRecord("say \"hi\"", null);
		}
		assertThat(out.toString(StandardCharsets.UTF_8))
			.isEqualTo("\uFEFF\"name\",\"count\"\r\n\"a;'=1\",\"2\"\r\n\"say \"\"hi\"\"\",\r\n");
	}

}
