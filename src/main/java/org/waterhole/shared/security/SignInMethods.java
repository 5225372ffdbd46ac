package org.waterhole.shared.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A way of signing in beyond the password form (single sign-on, a directory), added to the
 * filter chain by the module that provides it, after the security configuration's own set-up.
 */
@FunctionalInterface
public interface SignInMethods {

	void apply(HttpSecurity http) throws Exception;

}
