package org.waterhole.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.waterhole.shared.Tags;

/** A comma-separated list of at most 15 tags of at most 40 characters each. */
@Documented
@Constraint(validatedBy = TagList.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface TagList {

	String message() default "{tags.invalid}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<TagList, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			Set<String> tags = Tags.parse(value);
			if (tags.size() > Tags.MAX_COUNT) {
				return replace(context, "{tags.tooMany}");
			}
			if (tags.stream().anyMatch(tag -> tag.length() > Tags.MAX_LENGTH)) {
				return replace(context, "{tags.tooLong}");
			}
			return true;
		}

		private static boolean replace(ConstraintValidatorContext context, String message) {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
			return false;
		}

	}

}
