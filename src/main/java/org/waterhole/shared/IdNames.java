package org.waterhole.shared;

import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Short choice lists read in SQL: an id and a name a row, in the rows' order. */
public final class IdNames {

	private IdNames() {
	}

	/**
	 * The ids and names (first and second columns) a query finds for a department
	 * ({@code :department}, may be null), with one more id asked for by name ({@code :also}, may be
	 * null) and at most {@code :limit} rows of the rest; an id that comes twice is kept once, where
	 * it first came.
	 */
	public static Map<Long, String> forDepartment(JdbcClient jdbc, String sql, Long departmentId, Long also,
			int limit) {
		Map<Long, String> names = new LinkedHashMap<>();
		jdbc.sql(sql)
			.param("department", departmentId, Types.BIGINT)
			.param("also", also, Types.BIGINT)
			.param("limit", limit)
			.query((rs, n) -> names.putIfAbsent(rs.getLong(1), rs.getString(2)))
			.list();
		return names;
	}

}
