package org.waterhole.support;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README promises every answer tells the browser, checked by reading the headers as a
 * browser does (the Content-Security-Policy by its directives, the Permissions-Policy by its
 * features) rather than by comparing them with the application's own constants: a weakened
 * policy fails here even if the constant was weakened with it.
 */
public final class SecurityPolicies {

	/** The fetch directives that fall back to {@code default-src} when absent. */
	private static final Set<String> FETCH_DIRECTIVES = Set.of("script-src", "style-src", "font-src", "connect-src",
			"img-src", "object-src", "media-src", "frame-src", "child-src", "worker-src", "manifest-src");

	/** The sources the README allows for scripts, styles, fonts and requests: the application only. */
	private static final Set<String> APPLICATION_ONLY = Set.of("'self'", "'none'");

	/** The features the README says are refused. */
	private static final List<String> REFUSED_FEATURES = List.of("camera", "microphone", "geolocation", "payment",
			"usb");

	private SecurityPolicies() {
	}

	/**
	 * Asserts every promised header of an answer over plain HTTP; {@code header} gives all values
	 * of a header by name (none: an empty list).
	 */
	public static void assertPromised(Function<String, List<String>> header, String what) {
		assertThat(header.apply("Content-Security-Policy")).as(what + ": one Content-Security-Policy").hasSize(1);
		assertContentSecurityPolicy(header.apply("Content-Security-Policy").get(0), what);
		assertThat(header.apply("X-Frame-Options")).as(what).containsExactly("DENY");
		assertThat(header.apply("X-Content-Type-Options")).as(what).containsExactly("nosniff");
		assertThat(header.apply("Referrer-Policy")).as(what).containsExactly("same-origin");
		assertThat(header.apply("Permissions-Policy")).as(what + ": one Permissions-Policy").hasSize(1);
		Map<String, String> features = directives(header.apply("Permissions-Policy").get(0), ",", "=");
		for (String feature : REFUSED_FEATURES) {
			assertThat(features.get(feature)).as(what + ": Permissions-Policy " + feature).isEqualTo("()");
		}
	}

	/** The policy's directives, each with its sources, as a browser reads them (the first of a name counts). */
	public static Map<String, List<String>> contentSecurityPolicy(String header) {
		Map<String, List<String>> policy = new LinkedHashMap<>();
		directives(header, ";", " ").forEach((name, value) -> policy.put(name,
				Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList()));
		return policy;
	}

	/** The sources that govern a fetch directive: its own, or else {@code default-src}'s. */
	static List<String> effective(Map<String, List<String>> policy, String directive) {
		if (policy.containsKey(directive) || !FETCH_DIRECTIVES.contains(directive)) {
			return policy.get(directive);
		}
		return policy.get("default-src");
	}

	public static void assertContentSecurityPolicy(String header, String what) {
		Map<String, List<String>> policy = contentSecurityPolicy(header);
		String csp = what + ": Content-Security-Policy " + header + ": ";
		assertThat(policy.get("default-src")).as(csp + "default-src").isNotNull().isSubsetOf(APPLICATION_ONLY);
		List<String> scripts = effective(policy, "script-src");
		assertThat(scripts).as(csp + "script-src").contains("'self'");
		for (String directive : List.of("script-src", "style-src", "font-src", "connect-src")) {
			List<String> sources = effective(policy, directive);
			assertThat(sources).as(csp + directive + ": from the application only").isNotEmpty()
				.isSubsetOf(APPLICATION_ONLY);
			assertThat(sources).as(csp + directive + ": nothing inline, evaluated or from elsewhere")
				.noneMatch(SecurityPolicies::unsafe);
		}
		assertThat(effective(policy, "object-src")).as(csp + "object-src").containsExactly("'none'");
		assertThat(policy.get("frame-ancestors")).as(csp + "frame-ancestors").containsExactly("'none'");
		assertThat(policy.get("base-uri")).as(csp + "base-uri").isNotEmpty().isSubsetOf(APPLICATION_ONLY);
		assertThat(policy.get("form-action")).as(csp + "form-action").containsExactly("'self'");
	}

	/** A source that lets in inline or evaluated code, any origin, or an origin over plain HTTP. */
	static boolean unsafe(String source) {
		String s = source.toLowerCase(Locale.ROOT);
		return s.startsWith("'unsafe-") || s.contains("*") || s.equals("data:") || s.equals("blob:")
				|| s.startsWith("http:") || s.equals("https:");
	}

	/** Directives or features split on {@code separator}, each name before its first {@code nameEnd}. */
	private static Map<String, String> directives(String header, String separator, String nameEnd) {
		Map<String, String> result = new LinkedHashMap<>();
		for (String part : header.split(separator)) {
			String trimmed = part.trim();
			if (trimmed.isEmpty()) {
				continue;
			}
			int end = trimmed.indexOf(nameEnd);
			String name = (end < 0 ? trimmed : trimmed.substring(0, end)).trim().toLowerCase(Locale.ROOT);
			result.putIfAbsent(name, end < 0 ? "" : trimmed.substring(end + 1).trim());
		}
		return result;
	}

}
