package org.waterhole.organization;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.waterhole.shared.web.ChoiceMarkup;
import org.waterhole.shared.web.TemplateExpressions;

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
 * written as one text, the list costs a fraction of a {@code th:each} that evaluates a value, a
 * name and a selection for each one, or of one template event per tag.
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
	private static void option(StringBuilder html, DepartmentOption department, boolean chosen) {
		ChoiceMarkup.option(html, department.getId().toString(), department.getName(), chosen);
	}

	/** A {@code form-check} with the department's checkbox and its label. */
	private static void checkbox(StringBuilder html, DepartmentOption department, boolean chosen) {
		ChoiceMarkup.checkbox(html, "department", "department-" + department.getId(), department.getId().toString(),
				department.getName(), chosen);
	}

	/** How one department is written. */
	private interface Choice {

		void write(StringBuilder html, DepartmentOption department, boolean chosen);

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
			List<?> departments = (List<?>) TemplateExpressions.evaluate(context, attributeValue);
			Collection<?> selected = (Collection<?>) TemplateExpressions.evaluate(context,
					tag.getAttributeValue(prefix, "selected"));
			StringBuilder html = new StringBuilder(departments.size() * 120);
			for (Object each : departments) {
				DepartmentOption department = (DepartmentOption) each;
				choice.write(html, department, selected != null && selected.contains(department.getId()));
			}
			structureHandler.replaceWith(html, false);
		}

	}

}
