package org.waterhole.support;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * An SMTP server in this JVM (GreenMail) which keeps what it is sent: for tests of the e-mails
 * Waterhole sends. It listens on a port the system gave it ({@link #port()}). It can be stopped (the
 * mail server is down: its port refuses connections) and started again, on a new port that the
 * application's mail sender is then pointed at.
 */
public final class Mailbox implements AutoCloseable {

	/** A safety net only: how long an e-mail sent in the background may take to arrive. */
	private static final Duration SAFETY = Duration.ofSeconds(30);

	private GreenMail server;

	public Mailbox() {
		start();
	}

	/** The port the server listens on now. */
	public int port() {
		return server.getSmtp().getPort();
	}

	/** Stops the server: the port the application knows refuses connections. */
	public void stop() {
		server.stop();
	}

	/** Starts the server again, on a port of its own, and points {@code senders} at it. */
	public void restart(JavaMailSenderImpl... senders) {
		start();
		for (JavaMailSenderImpl sender : senders) {
			sender.setPort(port());
		}
	}

	@Override
	public void close() {
		server.stop();
	}

	private void start() {
		server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
	}

	/** The e-mails received for {@code email}, oldest first. */
	public List<MimeMessage> to(String email) {
		List<MimeMessage> found = new ArrayList<>();
		try {
			for (MimeMessage message : server.getReceivedMessages()) {
				if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch(address -> address.toString().equals(email))) {
					found.add(message);
				}
			}
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
		return found;
	}

	/** Waits for the {@code count}th e-mail to {@code email} (sent after the request's answer). */
	public List<MimeMessage> await(String email, int count) {
		return Awaitility.await("e-mail number " + count + " to " + email).pollDelay(Duration.ZERO)
			.atMost(SAFETY)
			.until(() -> to(email), received -> received.size() >= count);
	}

	/** The text of a plain-text e-mail. */
	public static String text(MimeMessage message) {
		try {
			return (String) message.getContent();
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
