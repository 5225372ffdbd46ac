package org.waterhole.champion;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Tells an invitee by e-mail that the strategist invited them to be a champion, with the link to
 * the page where they answer; through the SMTP server of {@code spring.mail.host}, from
 * {@code waterhole.digest.from}. Without a mail server nothing is sent: the invitee sees the
 * invitation when they next sign in.
 */
@Component
class InvitationMail {

	private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);

	private final JavaMailSender mail;

	private final MessageSource messages;

	private final String from;

	private final String base;

	InvitationMail(ObjectProvider<JavaMailSender> mail, MessageSource messages,
			@Value("${waterhole.digest.from:waterhole@localhost}") String from,
			@Value("${waterhole.base-url:http://localhost:8080}") String baseUrl) {
		this.mail = mail.getIfAvailable();
		this.messages = messages;
		this.from = from;
		this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Sends the e-mail; call it once the invitation is committed. A failure is logged, not thrown:
	 * the invitation stands and shows on the invitee's pages all the same.
	 * @return whether it went out
	 */
	boolean send(ChampionInvitations.Invited invited, String inviterName, Locale locale) {
		if (mail == null) {
			return false;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(invited.email());
		message.setSubject(messages.getMessage("mail.championInvitation.subject", null, locale));
		message.setText(messages.getMessage("mail.championInvitation.text",
				new Object[] { invited.name(), inviterName, base + "/champions/invitations/mine" }, locale));
		try {
			mail.send(message);
			return true;
		}
		catch (MailException ex) {
			log.warn("Could not send the e-mail about invitation {} to be a champion: {}", invited.id(), ex.toString());
			return false;
		}
	}

}
