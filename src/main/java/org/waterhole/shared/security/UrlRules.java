package org.waterhole.shared.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's rules for its own URL families ("only strategists under {@code /people}"),
 * applied by the security configuration before its catch-all rule that any other page needs a
 * signed-in user. Each module declares one bean; the handlers that change data carry
 * {@code @PreAuthorize} as well.
 */
@FunctionalInterface
public interface UrlRules {

	void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

}
