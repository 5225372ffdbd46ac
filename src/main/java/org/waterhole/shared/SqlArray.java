package org.waterhole.shared;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Values as a PostgreSQL array literal ({@code {3,7}}), for a parameter the SQL casts with
 * {@code cast(:ids as bigint[])} or {@code cast(:days as date[])}: a Java collection would be
 * expanded into a list of parameters.
 */
public final class SqlArray {

	private SqlArray() {
	}

	/** Numbers or dates as an array literal, such as {@code {1,2}} or {@code {2026-01-31}}. */
	public static String of(Collection<?> values) {
		return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	public static String of(Long... ids) {
		return of(Arrays.asList(ids));
	}

}
