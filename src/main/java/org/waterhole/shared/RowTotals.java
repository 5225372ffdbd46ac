package org.waterhole.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many rows a long list's table holds in all, as PostgreSQL keeps it while rows are added and
 * removed (the table {@code row_total}, whose triggers keep the timeline's events and the
 * experiments): a list without filters reads its number of pages in one row instead of counting.
 */
@Component
public class RowTotals {

	private final JdbcClient jdbc;

	RowTotals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The rows of {@code table} now, as the current transaction sees them. */
	public long of(String table) {
		return jdbc.sql("select total from row_total where table_name = :table")
			.param("table", table)
			.query(Long.class)
			.single();
	}

}
