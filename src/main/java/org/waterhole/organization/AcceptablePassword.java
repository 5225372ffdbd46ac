package org.waterhole.organization;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * A password we accept: at least 12 characters, with no rules on what kind (NIST SP 800-63B),
 * at most 72 bytes, which is all BCrypt reads, and not one of the commonest or close to one:
 * zxcvbn (shipped with the application, with its list of 30,000 common passwords, names and
 * English words, keyboard patterns, repeats and sequences) must rate it at least
 * {@value #MIN_SCORE} of 4.
 */
@Documented
@Constraint(validatedBy = AcceptablePassword.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AcceptablePassword {

	int MIN_LENGTH = 12;

	int MAX_BYTES = 72;

	/** zxcvbn's score from 0 (guessed at once) to 4: 3 means "safely unguessable" for an online attack. */
	int MIN_SCORE = 3;

	String message() default "{password.invalid}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<AcceptablePassword, String> {

		private static final Zxcvbn STRENGTH = new Zxcvbn();

		@Override
		public boolean isValid(String password, ConstraintValidatorContext context) {
			String problem = problemWith(password);
			return problem == null || replace(context, "{" + problem + "}");
		}

		/** The message key of what is wrong with the password, or {@code null} if it is acceptable. */
		static String problemWith(String password) {
			if (password == null || password.isEmpty()) {
				return "password.required";
			}
			if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
				return "password.tooShort";
			}
			if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
				return "password.tooLong";
			}
			if (STRENGTH.measure(password).getScore() < MIN_SCORE) {
				return "password.easyToGuess";
			}
			return null;
		}

		private static boolean replace(ConstraintValidatorContext context, String message) {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
			return false;
		}

	}

}
