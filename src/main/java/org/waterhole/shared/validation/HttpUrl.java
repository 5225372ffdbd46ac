package org.waterhole.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A web address that is safe to link to: {@code http} or {@code https} with a host, nothing
 * else ({@code javascript:}, {@code data:} and relative addresses are refused). {@code null}
 * is valid; combine with {@code @NotBlank} where the address is required.
 */
@Documented
@Constraint(validatedBy = HttpUrl.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface HttpUrl {

	String message() default "{validation.httpUrl}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<HttpUrl, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || isHttpUrl(value);
		}

		public static boolean isHttpUrl(String value) {
			try {
				URI uri = new URI(value);
				String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
				return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
						&& !uri.getHost().isBlank();
			}
			catch (URISyntaxException ex) {
				return false;
			}
		}

	}

}
