package org.waterhole.shared.security;

import java.util.Arrays;
import java.util.Set;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A module's rules for its own URL families ("only strategists under {@code /people}"),
 * applied by the security configuration before its catch-all rule that any other page needs a
 * signed-in user. Each module declares one bean; the handlers that change data carry
 * {@code @PreAuthorize} as well.
 * <p>
 * Rules for reading a page name no method, so that HEAD and OPTIONS get the same rule as GET.
 * Where changing something needs a stricter role than reading the same URLs, the stricter rule
 * comes first and names them with {@link #changes}.
 */
@FunctionalInterface
public interface UrlRules {

	/** The methods that read a page, or ask what it allows, rather than change anything. */
	Set<String> READING_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

	/** Requests to the URLs of {@code patterns} that may change something: any method but the reading ones. */
	static RequestMatcher[] changes(String... patterns) {
		return Arrays.stream(patterns)
			.map(PathPatternRequestMatcher::pathPattern)
			.map(path -> (RequestMatcher) request -> !READING_METHODS.contains(request.getMethod())
					&& path.matches(request))
			.toArray(RequestMatcher[]::new);
	}

}
