package org.waterhole.organization;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.AttributeValueQuotes;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * The {@code wh:department-options} attribute of the templates: one {@code <option>} per
 * department in place of its element, the chosen ones selected, names escaped.
 * <pre>{@code <th:block wh:department-options="${departmentOptions}" wh:selected="${ids}"></th:block>}</pre>
 * A filter lists every department (more than a hundred at a large institution) on many pages;
 * written in one step, the list costs a fraction of a {@code th:each} that evaluates a value, a
 * name and a selection for each option.
 */
@Component
class DepartmentOptionsDialect extends AbstractProcessorDialect {

	DepartmentOptionsDialect() {
		super("Waterhole department options", "wh", StandardDialect.PROCESSOR_PRECEDENCE);
	}

	@Override
	public Set<IProcessor> getProcessors(String prefix) {
		return Set.of(new OptionsProcessor(prefix));
	}

	private static final class OptionsProcessor extends AbstractAttributeTagProcessor {

		private final String prefix;

		OptionsProcessor(String prefix) {
			super(TemplateMode.HTML, prefix, null, false, "department-options", true,
					StandardDialect.PROCESSOR_PRECEDENCE, true);
			this.prefix = prefix;
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
				String attributeValue, IElementTagStructureHandler structureHandler) {
			List<?> options = (List<?>) evaluate(context, attributeValue);
			Collection<?> selected = (Collection<?>) evaluate(context, tag.getAttributeValue(prefix, "selected"));
			IModelFactory factory = context.getModelFactory();
			IModel model = factory.createModel();
			for (Object each : options) {
				DepartmentOption option = (DepartmentOption) each;
				Map<String, String> attributes = new LinkedHashMap<>();
				attributes.put("value", option.getId().toString());
				if (selected != null && selected.contains(option.getId())) {
					attributes.put("selected", "selected");
				}
				model.add(factory.createOpenElementTag("option", attributes, AttributeValueQuotes.DOUBLE, false));
				model.add(factory.createText(HtmlEscape.escapeHtml5(option.getName())));
				model.add(factory.createCloseElementTag("option"));
			}
			structureHandler.replaceWith(model, false);
		}

		private static Object evaluate(ITemplateContext context, String expression) {
			if (expression == null) {
				return null;
			}
			return StandardExpressions.getExpressionParser(context.getConfiguration())
				.parseExpression(context, expression)
				.execute(context);
		}

	}

}
