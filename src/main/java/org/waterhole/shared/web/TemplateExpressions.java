package org.waterhole.shared.web;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.standard.expression.StandardExpressions;

/** A Thymeleaf expression written in an attribute of a dialect of our own, evaluated as {@code th:} ones are. */
public final class TemplateExpressions {

	private TemplateExpressions() {
	}

	/** The value of {@code expression} in {@code context}; null for no expression. */
	public static Object evaluate(ITemplateContext context, String expression) {
		if (expression == null) {
			return null;
		}
		return StandardExpressions.getExpressionParser(context.getConfiguration())
			.parseExpression(context, expression)
			.execute(context);
	}

}
