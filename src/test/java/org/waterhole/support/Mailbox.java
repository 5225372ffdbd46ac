package org.waterhole.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server in this JVM (GreenMail) on a port of its own, which keeps what it is sent: for
 * tests of the e-mails Waterhole sends. It can be stopped (the mail server is down) and started
 * again on the same port.
 */
public final class Mailbox {

	private final int port = freePort();

	private GreenMail server;

	public Mailbox() {
		start();
	}

	public int port() {
		return port;
	}

	public void start() {
		server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
	}

	public void stop() {
		server.stop();
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

	/** Waits up to 10 s for the {@code count}th e-mail to {@code email} (sent after the request's answer). */
	public List<MimeMessage> await(String email, int count) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(10));
		while (to(email).size() < count && Instant.now().isBefore(until)) {
			Thread.sleep(50);
		}
		return to(email);
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

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
