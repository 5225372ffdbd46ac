package org.waterhole.adoption;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Department ids as a PostgreSQL array literal ({@code {3,7}}), for a parameter the SQL casts
 * with {@code cast(:ids as bigint[])}: a Java array would be expanded into a list of parameters.
 */
final class BigintArray {

	private BigintArray() {
	}

	static String of(Collection<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	static String of(Long... ids) {
		return of(Arrays.asList(ids));
	}

}
