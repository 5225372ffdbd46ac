package org.waterhole.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date a person means: between the years {@value #FIRST_YEAR} and {@value #LAST_YEAR}. Keeps
 * typing slips (year 0, year 20250) out, and with them dates PostgreSQL can't store.
 * {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = ReasonableDate.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReasonableDate {

	int FIRST_YEAR = 1900;

	int LAST_YEAR = 2200;

	String message() default "{validation.reasonableDate}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ReasonableDate, LocalDate> {

		@Override
		public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
			return value == null || (value.getYear() >= FIRST_YEAR && value.getYear() <= LAST_YEAR);
		}

	}

}
