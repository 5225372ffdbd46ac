package org.waterhole.playbook;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.waterhole.shared.Texts;

/**
 * Which week's digest each account has been sent ({@code sent_digest}), so that each account gets
 * one a week however many runs there are, on however many instances. Each statement commits on
 * its own: a claim must be seen by every other run before the e-mail goes out.
 * <ol>
 * <li>A run <em>claims</em> the account's row for the week before it sends; a second run finds
 * the row claimed or sent and leaves it.</li>
 * <li>After the SMTP server took the e-mail, the row is marked <em>sent</em>.</li>
 * <li>When sending failed, the row stays unsent, its claim given up and the failure counted, so
 * that the next run tries again.</li>
 * </ol>
 * A claim whose run stopped half-way (the instance was killed while sending) expires after
 * {@link #CLAIM_EXPIRES}; the e-mail is then sent again, which at worst sends one twice (when it
 * went out just before the stop) rather than never.
 */
class DigestLedger {

	static final Duration CLAIM_EXPIRES = Duration.ofMinutes(30);

	/** After this many failed attempts in a week, the retries leave an account's digest be (its address is refused). */
	static final int MAX_ATTEMPTS = 24;

	private final JdbcClient jdbc;

	DigestLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes the account's digest of the week to send it; {@code false}: sent, or being sent by another run. */
	boolean claim(long accountId, LocalDate week) {
		return jdbc.sql("""
				insert into sent_digest (account_id, week_start, claimed_at) values (:account, :week, now())
				on conflict (account_id, week_start) do update set claimed_at = now()
				where sent_digest.sent_at is null and sent_digest.attempts < :max
				  and (sent_digest.claimed_at is null or sent_digest.claimed_at < now() - make_interval(secs => :expires))
				""")
			.param("account", accountId)
			.param("week", week)
			.param("max", MAX_ATTEMPTS)
			.param("expires", CLAIM_EXPIRES.toSeconds())
			.update() == 1;
	}

	void sent(long accountId, LocalDate week) {
		jdbc.sql("""
				update sent_digest set sent_at = now(), claimed_at = null, attempts = attempts + 1
				where account_id = :account and week_start = :week
				""").param("account", accountId).param("week", week).update();
	}

	/** Sending failed: the digest stays unsent, for the next run. */
	void failed(long accountId, LocalDate week, String failure) {
		jdbc.sql("""
				update sent_digest set claimed_at = null, attempts = attempts + 1, last_failure = :failure
				where account_id = :account and week_start = :week and sent_at is null
				""")
			.param("account", accountId)
			.param("week", week)
			.param("failure", Texts.cut(failure, 300))
			.update();
	}

	/** The accounts sent the week's digest. */
	Set<Long> sent(LocalDate week) {
		return new HashSet<>(jdbc.sql("select account_id from sent_digest where week_start = :week and sent_at is not null")
			.param("week", week)
			.query(Long.class)
			.list());
	}

}
