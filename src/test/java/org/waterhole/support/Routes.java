package org.waterhole.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The application's routes with real records in place of their path variables. */
public final class Routes {

	private Routes() {
	}

	/**
	 * {@code pattern} with real ids, once for each example of the family whose beginning matches
	 * longest: {@code examples} maps a beginning ({@code "/experiments/"}) to the variables of
	 * several records ({@code id}, {@code measurementId}). A pattern without variables is itself.
	 */
	public static List<String> concrete(String pattern, Map<String, List<Map<String, Long>>> examples) {
		if (!pattern.contains("{")) {
			return List.of(pattern);
		}
		List<Map<String, Long>> family = examples.entrySet()
			.stream()
			.filter(entry -> pattern.startsWith(entry.getKey()))
			.max(Comparator.comparingInt(entry -> entry.getKey().length()))
			.map(Map.Entry::getValue)
			.orElseThrow(() -> new IllegalStateException("no example ids for " + pattern));
		List<String> paths = new ArrayList<>();
		for (Map<String, Long> example : family) {
			String path = pattern;
			for (Map.Entry<String, Long> variable : example.entrySet()) {
				path = path.replace("{" + variable.getKey() + "}", String.valueOf(variable.getValue()));
			}
			if (!path.contains("{")) {
				paths.add(path);
			}
		}
		if (paths.isEmpty()) {
			throw new IllegalStateException("no example has every variable of " + pattern);
		}
		return paths;
	}

}
