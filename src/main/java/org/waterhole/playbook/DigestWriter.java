package org.waterhole.playbook;

import java.util.Locale;
import java.util.Map;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.waterhole.organization.DigestRecipient;
import org.waterhole.shared.format.Formats;

/**
 * Writes the digest e-mails from the templates {@code playbook/digest.html} and
 * {@code playbook/digest.txt} (every word from {@code messages.properties}): for a strategist the
 * agenda, for a manager their department's week.
 */
class DigestWriter {

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final Formats formats;

	private final DigestLinks links;

	DigestWriter(ITemplateEngine templates, MessageSource messages, Formats formats,
			@Value("${waterhole.base-url:http://localhost:8080}") String baseUrl) {
		this.templates = templates;
		this.messages = messages;
		this.formats = formats;
		this.links = new DigestLinks(baseUrl);
	}

	DigestLinks links() {
		return links;
	}

	DigestMail strategist(DigestRecipient to, AgendaView agenda) {
		long others = agenda.caseStudies().total() + agenda.experiments().total() + agenda.volunteers().total();
		String subject = message("digest.subject.strategist", agenda.checkIns().total(), others);
		return write(to, subject, Map.of("agenda", agenda));
	}

	DigestMail manager(DigestRecipient to, DigestWeek week) {
		String subject = week.wholeOrganisation() ? message("digest.subject.organisation", week.totalEvents())
				: message("digest.subject.manager", week.totalEvents(), week.departmentName());
		return write(to, subject, Map.of("week", week));
	}

	private DigestMail write(DigestRecipient to, String subject, Map<String, Object> content) {
		Context context = new Context(locale());
		context.setVariable("recipient", to);
		context.setVariable("subject", subject);
		context.setVariable("links", links);
		context.setVariable("fmt", formats);
		context.setVariables(content);
		String html = templates.process("playbook/digest", context);
		// The text template's blocks leave blank lines where they stood: at most one in a row is kept.
		String text = templates.process("playbook/digest.txt", context)
			.replaceAll("[ \\t]+\\n", "\n")
			.replaceAll("\\n{3,}", "\n\n")
			.strip() + "\n";
		return new DigestMail(to.email(), subject, text, html);
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, locale());
	}

	/** The digest is written outside any request, in the application's (the JVM's) locale, as dates are. */
	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
