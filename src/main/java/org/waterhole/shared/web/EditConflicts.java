package org.waterhole.shared.web;

import java.beans.PropertyDescriptor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Shows a stale edit for what it is: the form comes back with the user's input, the version of
 * the record as it is now (so that saving again, knowingly, replaces what is saved), and a list
 * of the fields where what is saved now differs from the form, with the saved value. The form
 * objects are compared property by property, those the page sent (a field shown as text, or left
 * off the form in the record's state, can't differ by the user's doing); a property that picks
 * records by id is said to differ without its value, and a password is never shown.
 */
@Component
public class EditConflicts {

	/** The model attribute the conflict fragment ({@code fragments/alerts :: conflict}) reads. */
	public static final String ATTRIBUTE = "conflict";

	/** Saved values longer than this are cut, with an ellipsis. */
	static final int LONGEST_VALUE = 300;

	private final MessageSource messages;

	EditConflicts(MessageSource messages) {
		this.messages = messages;
	}

	/** A field where the saved record differs from the form; {@code saved} is null when not shown. */
	public record Change(String field, String label, String saved) {
	}

	/** What the conflict fragment shows: the fields that differ. */
	public record Conflict(List<Change> changes) {
	}

	/**
	 * Puts the conflict between the user's form {@code yours} and {@code saved}, the same form
	 * filled in from the record as it is now, into the model, and gives the user's form the saved
	 * version. Labels are the messages {@code labels.<property>Field} or {@code labels.<property>}
	 * (for a property ending in Id or Ids, without that ending); EditConflictsTests checks that
	 * every edit form has them.
	 */
	public Conflict show(Model model, String labels, Object yours, Object saved) {
		BeanWrapper mine = new BeanWrapperImpl(yours);
		BeanWrapper now = new BeanWrapperImpl(saved);
		mine.setPropertyValue("version", now.getPropertyValue("version"));
		Locale locale = LocaleContextHolder.getLocale();
		Predicate<String> sent = sentFields();
		List<Change> changes = new ArrayList<>();
		for (String name : compared(now)) {
			if (!sent.test(name)) {
				continue; // not on the page the user sent (shown as text, or not in the record's state)
			}
			String savedText = text(now.getPropertyValue(name), locale);
			if (!savedText.equals(text(mine.getPropertyValue(name), locale))) {
				changes.add(new Change(name, label(labels, name, locale), picksRecords(name) ? null : cut(savedText)));
			}
		}
		Conflict conflict = new Conflict(List.copyOf(changes));
		model.addAttribute(ATTRIBUTE, conflict);
		return conflict;
	}

	/**
	 * Which properties the request being answered sent: a parameter of that name, or the marker a
	 * checkbox or a set of them sends when none is ticked ({@code _name}). Outside a request, all.
	 */
	private static Predicate<String> sentFields() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return name -> true;
		}
		Set<String> parameters = attributes.getRequest().getParameterMap().keySet();
		return name -> parameters.contains(name) || parameters.contains(WebDataBinder.DEFAULT_FIELD_MARKER_PREFIX + name);
	}

	private String label(String labels, String property, Locale locale) {
		return labelKey(labels, property, locale).map(key -> messages.getMessage(key, null, locale))
			.orElseGet(() -> property.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(locale));
	}

	/** The message that labels the property: {@code labels.<property>Field} or {@code labels.<property>}. */
	Optional<String> labelKey(String labels, String property, Locale locale) {
		String base = picksRecords(property) ? property.replaceFirst("Id(s?)$", "$1") : property;
		return Stream.of(labels + "." + base + "Field", labels + "." + base)
			.filter(key -> messages.getMessage(key, null, null, locale) != null)
			.findFirst();
	}

	/** The properties of a form that are compared: those it reads and writes, but its version and passwords. */
	static List<String> compared(BeanWrapper form) {
		return Arrays.stream(form.getPropertyDescriptors())
			.filter(property -> property.getReadMethod() != null && property.getWriteMethod() != null)
			.map(PropertyDescriptor::getName)
			.filter(name -> !name.equals("version") && !name.toLowerCase(Locale.ROOT).contains("password"))
			.toList();
	}

	private static boolean picksRecords(String property) {
		return property.endsWith("Id") || property.endsWith("Ids");
	}

	/** The value as the user reads it: blank is empty, sets in a stable order, enums by their message. */
	private String text(Object value, Locale locale) {
		if (value == null) {
			return "";
		}
		if (value instanceof String string) {
			return Objects.requireNonNullElse(TextInput.clean(string), "");
		}
		if (value instanceof Collection<?> values) {
			return values.stream()
				.filter(Objects::nonNull)
				.map(item -> text(item, locale))
				.sorted()
				.collect(Collectors.joining(", "));
		}
		if (value instanceof BigDecimal number) {
			return number.stripTrailingZeros().toPlainString();
		}
		if (value instanceof LocalDate date) {
			return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
		}
		if (value instanceof Boolean yes) {
			return messages.getMessage(yes ? "conflict.yes" : "conflict.no", null, locale);
		}
		if (value instanceof Enum<?> constant) {
			return messages.getMessage(messageKey(constant), null, constant.name(), locale);
		}
		return value.toString();
	}

	/** The message key an enum of this application names with messageKey(), or its own name. */
	private static String messageKey(Enum<?> constant) {
		try {
			return (String) constant.getDeclaringClass().getMethod("messageKey").invoke(constant);
		}
		catch (ReflectiveOperationException | ClassCastException ex) {
			return constant.name();
		}
	}

	/** The text, or its first {@link #LONGEST_VALUE} characters (code points: no emoji cut in half) and an ellipsis. */
	private static String cut(String text) {
		if (text.codePointCount(0, text.length()) <= LONGEST_VALUE) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, LONGEST_VALUE)).strip() + "…";
	}

}
