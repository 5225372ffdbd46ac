package org.waterhole.shared.web;

import java.util.Arrays;
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
import org.waterhole.shared.Labelled;

/**
 * A group of checkboxes, one per value, in place of its element: {@code wh:checkboxes} gives the
 * values (a collection or an array), {@code wh:name} the boxes' name, {@code wh:checked} those
 * ticked (a collection; none if absent).
 * <pre>{@code
 * <th:block wh:checkboxes="${platforms}" wh:name="platform" wh:checked="${search.platforms()}"></th:block>
 * }</pre>
 * Each value is a {@code form-check} with its box and label. A {@link Labelled} value (an enum)
 * is labelled by its message and its box's id is the name and the constant ({@code platform-X});
 * any other value is its own label, and its box's id the name and its place ({@code tag-3}).
 * Values and labels are escaped. The group is written as one text: a filter of dozens of boxes
 * costs a fraction of a {@code th:each} that evaluates an id, a value, a check and a label for
 * each one.
 */
@Component
class CheckboxesDialect extends AbstractProcessorDialect {

	CheckboxesDialect() {
		super("Waterhole checkboxes", "wh", StandardDialect.PROCESSOR_PRECEDENCE);
	}

	@Override
	public Set<IProcessor> getProcessors(String prefix) {
		return Set.of(new CheckboxesProcessor(prefix));
	}

	private static final class CheckboxesProcessor extends AbstractAttributeTagProcessor {

		private final String prefix;

		CheckboxesProcessor(String prefix) {
			super(TemplateMode.HTML, prefix, null, false, "checkboxes", true, StandardDialect.PROCESSOR_PRECEDENCE, true);
			this.prefix = prefix;
		}

		@Override
		protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
				String attributeValue, IElementTagStructureHandler structureHandler) {
			List<?> values = list(TemplateExpressions.evaluate(context, attributeValue));
			String name = tag.getAttributeValue(prefix, "name");
			Collection<?> checked = (Collection<?>) TemplateExpressions.evaluate(context,
					tag.getAttributeValue(prefix, "checked"));
			StringBuilder html = new StringBuilder(values.size() * 160);
			for (int i = 0; i < values.size(); i++) {
				Object value = values.get(i);
				boolean ticked = checked != null && checked.contains(value);
				if (value instanceof Labelled labelled) {
					String label = context.getMessage(CheckboxesDialect.class, labelled.messageKey(), null, true);
					ChoiceMarkup.checkbox(html, name, name + "-" + value, String.valueOf(value), label, ticked);
				}
				else {
					ChoiceMarkup.checkbox(html, name, name + "-" + i, String.valueOf(value), String.valueOf(value), ticked);
				}
			}
			structureHandler.replaceWith(html, false);
		}

		private static List<?> list(Object values) {
			if (values instanceof Object[] array) {
				return Arrays.asList(array);
			}
			return values == null ? List.of() : List.copyOf((Collection<?>) values);
		}

	}

}
