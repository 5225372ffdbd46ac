package org.waterhole.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.waterhole.support.SpreadsheetFormulas;

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

	/** Values a hostile user might type, each with a formula where a spreadsheet would find one. */
	static final List<String> HOSTILE = List.of("=1+1", "+1", "-1+1", "@SUM(A1)", "\tTabbed", "\rReturned",
			"  =1+1", "x,=1+1", "a;=cmd|' /C calc'!A0", "a,\t=1", "a;\t-1", "line\n+2", "line\r\n@x",
			"=HYPERLINK(\"http://evil\",\"x\"), -2+3; @SUM(A1)", "\t\t=1", ";;=1", ",=1,=2,=3",
			"'=already plain, =not yet");

	@Test
	void no_hostile_value_keeps_a_formula_a_spreadsheet_would_run() {
		for (String hostile : HOSTILE) {
			assertThat(SpreadsheetFormulas.runnable(hostile)).as("the checker sees " + hostile).isNotEmpty();
			String plain = SafeCsv.text(hostile);
			assertThat(SpreadsheetFormulas.runnable(plain)).as(plain).isEmpty();
			assertThat(plain.replace("'", "")).as("only apostrophes are added to " + hostile)
				.isEqualTo(hostile.replace("'", ""));
			assertThat(SafeCsv.text(plain)).as("made plain once only: " + hostile).isEqualTo(plain);
		}
		assertThat(SafeCsv.text("x,=1+1")).isEqualTo("x,'=1+1");
		assertThat(SafeCsv.text("a;=cmd")).isEqualTo("a;'=cmd");
		assertThat(SafeCsv.text("  =1+1")).isEqualTo("  '=1+1");
	}

	@Test
	void text_that_only_looks_like_a_formula_elsewhere_is_unchanged() {
		for (String plain : List.of("e-mail", "a+b", "x=1", "user@example.org", "50%", "'quoted'", "1,5",
				"Q&A: what = why?", "naïve – 日本")) {
			assertThat(SafeCsv.text(plain)).as(plain).isEqualTo(plain);
			assertThat(SpreadsheetFormulas.runnable(plain)).as(plain).isEmpty();
		}
	}

	/** Numbers go to the printer as numbers and stay so; only text is made plain (a text "-5" is). */
	@Test
	void numbers_are_written_as_numbers_and_the_title_row_is_made_plain() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CSVPrinter csv = SafeCsv.printer(out, "=title, @x", List.of("n", "d", "t"))) {
			csv.printRecord(-5, new BigDecimal("-2.5"), SafeCsv.text("-5"));
		}
		assertThat(out.toString(StandardCharsets.UTF_8))
			.isEqualTo("\uFEFF\"'=title, '@x\"\r\n\"n\",\"d\",\"t\"\r\n\"-5\",\"-2.5\",\"'-5\"\r\n");
		assertThat(SpreadsheetFormulas.runnable("-5")).isEmpty();
		assertThat(SpreadsheetFormulas.runnable("-2.5")).isEmpty();
	}

}
