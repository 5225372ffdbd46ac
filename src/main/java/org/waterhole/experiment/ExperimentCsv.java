package org.waterhole.experiment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The experiment list as CSV: RFC 4180 (Apache Commons CSV), UTF-8 with a byte-order mark so
 * that spreadsheets read it as such, a header row, and every cell that a spreadsheet would take
 * for a formula ({@code = + - @}, tab, carriage return at the start) made plain text by a
 * leading apostrophe.
 */
@Component
class ExperimentCsv {

	static final List<String> HEADER = List.of("id", "title", "status", "department", "platform", "owner", "impact",
			"confidence", "ease", "ice", "planned start", "planned end", "actual start", "actual end", "metric",
			"unit", "baseline", "target", "direction", "latest value", "outcome", "hypothesis", "learnings");

	private final Experiments experiments;

	private final MessageSource messages;

	ExperimentCsv(Experiments experiments, MessageSource messages) {
		this.experiments = experiments;
		this.messages = messages;
	}

	void write(ExperimentFilter filter, Sort sort, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get());
		try {
			experiments.forEach(filter, sort, row -> {
				try {
					csv.printRecord(row.id(), text(row.title()), label(row.status().messageKey()),
							text(row.departmentName()), label(row.platform().messageKey()), text(row.ownerName()),
							row.impact(), row.confidence(), row.ease(), number(row.iceScore()), row.plannedStart(),
							row.plannedEnd(), row.actualStart(), row.actualEnd(), text(row.metricName()),
							text(row.metricUnit()), number(row.baseline()), number(row.target()),
							label(row.direction().messageKey()), number(row.latestValue()),
							row.outcome() == null ? null : label(row.outcome().messageKey()), text(row.hypothesis()),
							text(row.learnings()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		csv.flush();
	}

	/** Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice). */
	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

	private static String number(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros().toPlainString();
	}

	private String label(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}
