package org.waterhole.experiment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.waterhole.shared.SafeCsv;

/**
 * The experiment list as CSV ({@link SafeCsv}: RFC 4180, UTF-8 with a byte-order mark, a header
 * row, formulas made plain text).
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
		CSVPrinter csv = SafeCsv.printer(out, HEADER);
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

	private static String text(String value) {
		return SafeCsv.text(value);
	}

	private static String number(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros().toPlainString();
	}

	private String label(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}
