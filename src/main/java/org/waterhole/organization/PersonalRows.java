package org.waterhole.organization;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Reads a module's rows about a person as {@link PersonalData} items: each column of the query,
 * in its order, named by its label in lower camel case (read_at becomes readAt), timestamps as
 * instants, dates as dates, arrays as lists, the department (or departments) by name, and a
 * history row's change as created, changed or deleted.
 */
@Component
public class PersonalRows {

	private static final RowMapper<Map<String, Object>> ITEM = PersonalRows::item;

	/** A history row's change (its revtype, in a column named change) in words. */
	private static final List<String> CHANGES = List.of("created", "changed", "deleted");

	private final JdbcClient jdbc;

	private final DepartmentService departments;

	PersonalRows(JdbcClient jdbc, DepartmentService departments) {
		this.jdbc = jdbc;
		this.departments = departments;
	}

	/** The items a query finds for the person ({@code :person}), in its order, free to change. */
	public List<Map<String, Object>> about(String sql, long personId) {
		return read(sql, "person", personId);
	}

	/** The items a query finds for one value of its parameter, in its order, free to change. */
	public List<Map<String, Object>> read(String sql, String parameter, long value) {
		List<Map<String, Object>> items = new ArrayList<>(jdbc.sql(sql).param(parameter, value).query(ITEM).list());
		Map<Long, String> names = DepartmentOption.namesById(departments.options());
		named(items, "department", names);
		items.forEach(item -> item.computeIfPresent("change", (key, type) -> CHANGES.get(((Number) type).intValue())));
		return named(items, "departments", names);
	}

	private static Map<String, Object> item(ResultSet rs, int rowNumber) throws SQLException {
		ResultSetMetaData columns = rs.getMetaData();
		Map<String, Object> item = new LinkedHashMap<>();
		for (int i = 1; i <= columns.getColumnCount(); i++) {
			item.put(JdbcUtils.convertUnderscoreNameToPropertyName(columns.getColumnLabel(i)), value(rs.getObject(i)));
		}
		return item;
	}

	private static Object value(Object value) throws SQLException {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof Date date) {
			return date.toLocalDate();
		}
		if (value instanceof Array array) {
			return Arrays.asList((Object[]) array.getArray());
		}
		return value;
	}

	/**
	 * The items with {@code field} (an id, or a list of ids) replaced by the names {@code names}
	 * gives them, joined by commas; an id without a name stays as it is.
	 */
	public static List<Map<String, Object>> named(List<Map<String, Object>> items, String field,
			Map<Long, String> names) {
		items.forEach(item -> item.computeIfPresent(field, (key, value) -> nameOf(value, names)));
		return items;
	}

	private static Object nameOf(Object value, Map<Long, String> names) {
		if (value instanceof List<?> ids) {
			return ids.stream().map(id -> Objects.toString(nameOf(id, names))).collect(Collectors.joining(", "));
		}
		return value instanceof Number id ? names.getOrDefault(id.longValue(), String.valueOf(id)) : value;
	}

}
