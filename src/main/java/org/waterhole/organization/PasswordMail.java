package org.waterhole.organization;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Writes and sends the e-mails with a link to set a password, through the SMTP server of
 * {@code spring.mail.host} (the one the weekly digest uses), from {@code waterhole.digest.from}.
 * Without {@code spring.mail.host} there is no mail sender at all: {@link #configured()} says so,
 * and nothing is sent. The links start with {@code waterhole.base-url}. Tokens are never logged.
 */
@Component
class PasswordMail {

	private static final Logger log = LoggerFactory.getLogger(PasswordMail.class);

	private final JavaMailSender mail;

	private final PasswordLinks links;

	private final MessageSource messages;

	private final String from;

	private final String base;

	PasswordMail(ObjectProvider<JavaMailSender> mail, PasswordLinks links, MessageSource messages,
			@Value("${waterhole.digest.from:waterhole@localhost}") String from,
			@Value("${waterhole.base-url:http://localhost:8080}") String baseUrl) {
		this.mail = mail.getIfAvailable();
		this.links = links;
		this.messages = messages;
		this.from = from;
		this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** Whether an SMTP server is configured ({@code spring.mail.host}): without one, nothing can be sent. */
	boolean configured() {
		return mail != null;
	}

	/**
	 * Sends each letter, all through one connection to the SMTP server (one refused address stops
	 * no other), and records which went out. Call it outside a transaction, once the links are
	 * committed: the rows say what to send again, whatever happens while sending.
	 */
	Outcome send(List<Letter> letters, Locale locale) {
		if (mail == null) {
			throw new IllegalStateException("no SMTP server is configured (spring.mail.host)");
		}
		Map<MimeMessage, Letter> written = new IdentityHashMap<>();
		Set<Long> failed = new LinkedHashSet<>();
		String failure = null;
		for (Letter letter : letters) {
			try {
				written.put(write(letter, locale), letter);
			}
			catch (MessagingException | MailException ex) {
				failed.add(letter.linkId());
				failure = ex.toString();
			}
		}
		try {
			if (!written.isEmpty()) {
				mail.send(written.keySet().toArray(MimeMessage[]::new));
			}
		}
		catch (MailSendException ex) {
			Map<Object, Exception> refused = ex.getFailedMessages();
			if (refused.isEmpty()) {
				// Failed as a whole, not message by message: none went out.
				written.values().forEach(letter -> failed.add(letter.linkId()));
				failure = ex.toString();
			}
			else {
				refused.keySet()
					.stream()
					.map(written::get)
					.filter(Objects::nonNull)
					.forEach(letter -> failed.add(letter.linkId()));
				failure = refused.values().iterator().next().toString();
			}
		}
		catch (MailException ex) {
			written.values().forEach(letter -> failed.add(letter.linkId()));
			failure = ex.toString();
		}
		List<Long> sent = letters.stream().map(Letter::linkId).filter(id -> !failed.contains(id)).toList();
		if (!failed.isEmpty()) {
			log.warn("Could not send {} of {} e-mails with a link to set a password: {}", failed.size(), letters.size(),
					failure);
		}
		Outcome outcome = new Outcome(sent, List.copyOf(failed), failure);
		try {
			links.record(outcome);
		}
		catch (RuntimeException ex) {
			// The e-mails went out (or not) all the same; the links stay "not sent" on the accounts page.
			log.warn("Could not record which of {} e-mails with a link were sent: {}", letters.size(), ex.toString());
		}
		return outcome;
	}

	private MimeMessage write(Letter letter, Locale locale) throws MessagingException {
		MimeMessage message = mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		String key = letter.purpose() == LinkPurpose.INVITATION ? "mail.invitation" : "mail.reset";
		helper.setFrom(from);
		helper.setTo(letter.email());
		helper.setSubject(messages.getMessage(key + ".subject", null, locale));
		helper.setText(messages.getMessage(key + ".text", new Object[] { letter.name(), link(letter), letter.email() },
				locale));
		return message;
	}

	/** The link in the e-mail: the token is its only parameter, and the page it opens links nowhere else with it. */
	private String link(Letter letter) {
		return base + "/password/set?token=" + letter.token();
	}

	/** One e-mail to send: the link's id, what it is for, to whom, and its token. */
	record Letter(long linkId, LinkPurpose purpose, String email, String name, String token) {

		/** Without the token, should a letter ever be logged. */
		@Override
		public String toString() {
			return "Letter[link " + linkId + ", " + purpose + "]";
		}

	}

	/** Which links' e-mails went out and which didn't, and why (the last failure). */
	record Outcome(List<Long> sent, List<Long> failed, String failure) {
	}

}
