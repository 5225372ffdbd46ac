package org.waterhole.playbook;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.waterhole.organization.AccountService;
import org.waterhole.organization.DigestRecipient;
import org.waterhole.organization.Role;

/**
 * Sends the week's digest: to each strategist the agenda, to each manager their department's week
 * (a manager not placed in a department gets the whole organisation's). Staff, disabled accounts
 * and those who unsubscribed get none. Each account gets one a week ({@link DigestLedger}); one
 * account's failure (its address refused, the SMTP server away) is recorded and doesn't stop the
 * others, and the next run tries that account again.
 */
class Digests {

	private static final Logger log = LoggerFactory.getLogger(Digests.class);

	private final AccountService accounts;

	private final Agenda agenda;

	private final DigestReader reader;

	private final DigestWriter writer;

	private final DigestLedger ledger;

	private final JavaMailSender mail;

	private final String from;

	private final Clock clock;

	Digests(AccountService accounts, Agenda agenda, DigestReader reader, DigestWriter writer, DigestLedger ledger,
			ObjectProvider<JavaMailSender> mail, @Value("${waterhole.digest.from:waterhole@localhost}") String from,
			Clock clock) {
		this.accounts = accounts;
		this.agenda = agenda;
		this.reader = reader;
		this.writer = writer;
		this.ledger = ledger;
		this.mail = mail.getIfAvailable();
		if (this.mail == null) {
			throw new IllegalStateException("waterhole.digest.enabled=true needs an SMTP server to send the digest"
					+ " through: set spring.mail.host (and spring.mail.port, spring.mail.username, ... as it needs)");
		}
		this.from = from;
		this.clock = clock;
	}

	/** The week's first day, Monday, in the application's time zone. */
	LocalDate thisWeek() {
		return LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/** Sends the week's digest to everyone who should get it and hasn't yet. */
	Outcome sendWeek() {
		LocalDate week = thisWeek();
		Set<Long> sent = ledger.sent(week);
		return send(week, accounts.digestRecipients().stream().filter(r -> !sent.contains(r.accountId())).toList());
	}

	/**
	 * Sends the week's digest to those who should have it and don't yet: those a run tried and
	 * failed to send it to ({@link DigestLedger#MAX_ATTEMPTS} times at most), and everyone when the
	 * week's run was missed (no instance running on Monday morning).
	 */
	Outcome retryWeek() {
		return sendWeek();
	}

	private Outcome send(LocalDate week, List<DigestRecipient> recipients) {
		LocalDate today = LocalDate.now(clock);
		AgendaView strategists = null;
		Map<Long, DigestWeek> weeks = new HashMap<>();
		DigestWeek organisation = null;
		int sent = 0;
		int failed = 0;
		for (DigestRecipient recipient : recipients) {
			if (!ledger.claim(recipient.accountId(), week)) {
				continue;
			}
			try {
				DigestMail digest;
				if (recipient.role() == Role.STRATEGIST) {
					strategists = strategists == null ? agenda.today() : strategists;
					digest = writer.strategist(recipient, strategists);
				}
				else if (recipient.departmentId() == null) {
					organisation = organisation == null ? reader.week(null, today) : organisation;
					digest = writer.manager(recipient, organisation);
				}
				else {
					digest = writer.manager(recipient,
							weeks.computeIfAbsent(recipient.departmentId(), id -> reader.week(id, today)));
				}
				mail.send(message -> write(message, digest));
				ledger.sent(recipient.accountId(), week);
				sent++;
			}
			catch (RuntimeException ex) {
				failed++;
				try {
					ledger.failed(recipient.accountId(), week, ex.toString());
				}
				catch (RuntimeException notRecorded) {
					// The claim expires: the digest is tried again then.
					log.warn("Could not record the failed digest of account {}: {}", recipient.accountId(),
							notRecorded.toString());
				}
				log.warn("Could not send the weekly digest to account {}; the next run tries again: {}",
						recipient.accountId(), ex.toString());
			}
		}
		if (sent + failed > 0) {
			log.info("Weekly digest of {}: {} sent, {} failed", week, sent, failed);
		}
		return new Outcome(sent, failed);
	}

	private void write(MimeMessage message, DigestMail digest) throws jakarta.mail.MessagingException {
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(from);
		helper.setTo(digest.to());
		helper.setSubject(digest.subject());
		helper.setText(digest.text(), digest.html());
		// Mail programs offer "unsubscribe" from this header: it leads to the recipient's setting.
		message.setHeader("List-Unsubscribe", "<" + writer.links().settings() + ">");
	}

	/** How many digests a run sent, and how many it could not. */
	record Outcome(int sent, int failed) {
	}

}
