package org.waterhole.shared.format;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ocpsoft.prettytime.PrettyTime;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times and numbers as the user reads them, in the user's locale: {@code 12 Mar 2026},
 * {@code 3 weeks ago}, {@code 1,234}. Templates call it as {@code ${@fmt.date(x)}}; the
 * {@code fragments/time} fragment shows a date both ways.
 */
@Component("fmt")
public class Formats {

	private final Clock clock;

	private final ZoneId zone;

	private final MessageSource messages;

	public Formats(Clock clock, MessageSource messages) {
		this.clock = clock;
		this.zone = clock.getZone();
		this.messages = messages;
	}

	public String date(LocalDate date) {
		return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
	}

	public String date(Instant instant) {
		return instant == null ? "" : date(instant.atZone(zone).toLocalDate());
	}

	/** A month and its year: {@code November 2026}. */
	public String month(LocalDate date) {
		return date == null ? "" : MONTHS.computeIfAbsent(locale(), l -> DateTimeFormatter.ofPattern("LLLL yyyy", l))
			.format(date);
	}

	/** The month formatter per locale: immutable, and its pattern is read once rather than on every call. */
	private static final Map<Locale, DateTimeFormatter> MONTHS = new ConcurrentHashMap<>();

	public String dateTime(Instant instant) {
		return instant == null ? ""
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(locale())
					.format(instant.atZone(zone));
	}

	/** Machine-readable form for the {@code datetime} attribute of {@code <time>}. */
	public String iso(Instant instant) {
		return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
	}

	public String iso(LocalDate date) {
		return date == null ? "" : date.toString();
	}

	/** How long ago (or how far ahead): {@code 3 weeks ago}, {@code in 2 days}. */
	public String ago(Instant instant) {
		return instant == null ? "" : pretty().format(Date.from(instant));
	}

	public String ago(LocalDate date) {
		if (date == null) {
			return "";
		}
		if (date.equals(LocalDate.now(clock))) {
			// A day, not a moment: "today" rather than "moments ago" (or, a millisecond on, "from now").
			return messages.getMessage("format.today", null, locale());
		}
		return pretty().format(Date.from(date.atStartOfDay(zone).toInstant()));
	}

	/**
	 * A period in words, as set (not normalised): {@code 13 months}, {@code 1 year and 6 months},
	 * {@code 30 days}.
	 */
	public String period(Period period) {
		if (period == null) {
			return "";
		}
		List<String> parts = new ArrayList<>();
		addPart(parts, "format.period.years", period.getYears());
		addPart(parts, "format.period.months", period.getMonths());
		addPart(parts, "format.period.days", period.getDays());
		if (parts.isEmpty()) {
			return messages.getMessage("format.period.days", new Object[] { 0 }, locale());
		}
		String last = parts.remove(parts.size() - 1);
		return parts.isEmpty() ? last
				: messages.getMessage("format.period.and", new Object[] { String.join(", ", parts), last }, locale());
	}

	private void addPart(List<String> parts, String key, int amount) {
		if (amount != 0) {
			parts.add(messages.getMessage(key, new Object[] { amount }, locale()));
		}
	}

	public String number(Number number) {
		return number == null ? "" : INTEGERS.get().computeIfAbsent(locale(), NumberFormat::getIntegerInstance).format(number);
	}

	/**
	 * The integer format per thread and locale: a format may not be shared between threads, and
	 * making one reads its locale's pattern, which tables of numbers did once per cell.
	 */
	private static final ThreadLocal<Map<Locale, NumberFormat>> INTEGERS = ThreadLocal.withInitial(HashMap::new);

	/** A decimal as the user reads it: {@code 1,234.5}, at most two decimals, none when whole. */
	public String decimal(BigDecimal number) {
		return decimal(number, 2);
	}

	/** A measured value as the user reads it, with up to four decimals, as it is stored. */
	public String metric(BigDecimal number) {
		return decimal(number, 4);
	}

	/** An index as the user reads it, always with two decimals, so that a column of them lines up: {@code 2.50}. */
	public String index(BigDecimal number) {
		return decimal(number, 2, 2, false);
	}

	/** How an index moved, signed: {@code +0.20}, {@code -0.15}, {@code 0.00}. */
	public String indexChange(BigDecimal number) {
		return decimal(number, 2, 2, true);
	}

	private static String decimal(BigDecimal number, int maximumFractionDigits) {
		return decimal(number, 0, maximumFractionDigits, false);
	}

	private static String decimal(BigDecimal number, int minimumFractionDigits, int maximumFractionDigits,
			boolean signed) {
		if (number == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		format.setMinimumFractionDigits(minimumFractionDigits);
		format.setMaximumFractionDigits(maximumFractionDigits);
		String text = format.format(number);
		return signed && number.signum() > 0 ? "+" + text : text;
	}

	/**
	 * A PrettyTime for the user's locale, as of now. One is costly to make (it reads its resource
	 * bundles: most of a list page's time went there) and not safe to share between threads, so
	 * each thread keeps one per locale.
	 */
	private PrettyTime pretty() {
		return PRETTY.get().computeIfAbsent(locale(), PrettyTime::new).setReference(clock.instant());
	}

	private static final ThreadLocal<Map<Locale, PrettyTime>> PRETTY = ThreadLocal.withInitial(HashMap::new);

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
