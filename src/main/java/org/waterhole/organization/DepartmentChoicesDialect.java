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
 * Two attributes of the templates that list every department as a filter's choices, in place of
 * their element, the chosen ones ({@code wh:selected}, a collection of ids) selected, names
 * escaped:
 * <ul>
 * <li>{@code wh:department-options}: one {@code <option>} per department;
 * <li>{@code wh:department-checkboxes}: one checkbox named {@code department} per department,
 * with its label, in a {@code form-check} each, the box's id {@code department-} and its id.
 * </ul>
 * <pre>{@code <th:block wh:department-options="${departmentOptions}" wh:selected="${ids}"></th:block>}</pre>
 * A filter lists every department (more than a hundred at a large institution) on many pages;
 * written in one step, the list costs a fraction of a {@code th:each} that evaluates a value, a
 * name and a selection for each one.
 */
@Component
class DepartmentChoicesDialect extends AbstractProcessorDialect {

	DepartmentChoicesDialect() {
		super("Waterhole department choices", "wh", StandardDialect.PROCESSOR_PRECEDENCE);
	}

	@Override
	public Set<IProcessor> getProcessors(String prefix) {
		return Set.of(new ChoicesProcessor(prefix, "department-options", DepartmentChoicesDialect::option),
				new ChoicesProcessor(prefix, "department-checkboxes", DepartmentChoicesDialect::checkbox));
	}

	/** An {@code <option>} of the department. */
	private static void option(IModelFactory factory, IModel model, DepartmentOption department, boolean chosen) {
		Map<String, String> attributes = attributes("value", department.getId().toString());
		if (chosen) {
			attributes.put("selected", "selected");
		}
		model.add(factory.createOpenElementTag("option", attributes, AttributeValueQuotes.DOUBLE, false));
		model.add(factory.createText(HtmlEscape.escapeHtml5Xml(department.getName())));
		model.add(factory.createCloseElementTag("option"));
	}

	/** A {@code form-check} with the department's checkbox and its label. */
	private static void checkbox(IModelFactory factory, IModel model, DepartmentOption department, boolean chosen) {
		String id = "department-" + department.getId();
		Map<String, String> box = attributes("class", "form-check-input", "type", "checkbox", "name", "department", "id",
				id, "value", department.getId().toString());
		if (chosen) {
			box.put("checked", "checked");
		}
		model.add(factory.createOpenElementTag("div", "class", "form-check"));
		model.add(factory.createStandaloneElementTag("input", box, AttributeValueQuotes.DOUBLE, false, false));
		model.add(factory.createOpenElementTag("label", attributes("class", "form-check-label", "for", id),
				AttributeValueQuotes.DOUBLE, false));
		model.add(factory.createText(HtmlEscape.escapeHtml5Xml(department.getName())));
		model.add(factory.createCloseElementTag("label"));
		model.add(factory.createCloseElementTag("div"));
	}

	/** Attributes in the order given: name, value, name, value... */
	private static Map<String, String> attributes(String... namesAndValues) {
		Map<String, String> attributes = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			attributes.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return attributes;
	}

	/** How one department is written. */
	private interface Choice {

		void write(IModelFactory factory, IModel model, DepartmentOption department, boolean chosen);

	}

	private static final class ChoicesProcessor extends AbstractAttributeTagProcessor {

		private final String prefix;

		private final Choice choice;

		ChoicesProcessor(String prefix, String attribute, Choice choice) {
			super(TemplateMode.HTML, prefix, null, false, attribute, true, StandardDialect.PROCESSOR_PRECEDENCE, true);
			this.prefix = prefix;
			this.choice = choice;
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
				String attributeValue, IElementTagStructureHandler structureHandler) {
			List<?> departments = (List<?>) evaluate(context, attributeValue);
			Collection<?> selected = (Collection<?>) evaluate(context, tag.getAttributeValue(prefix, "selected"));
			IModelFactory factory = context.getModelFactory();
			IModel model = factory.createModel();
			for (Object each : departments) {
				DepartmentOption department = (DepartmentOption) each;
				choice.write(factory, model, department, selected != null && selected.contains(department.getId()));
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
