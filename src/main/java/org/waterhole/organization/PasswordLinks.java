package org.waterhole.organization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.shared.security.SignedInSessions;

/**
 * The links that set an account's password: each has a random token of 32 bytes (URL-safe
 * Base64 in the link), of which only the SHA-256 hash is kept, so that the table gives nobody a
 * working link. A link works once, until it expires, for an enabled account; any change of the
 * account's password voids its open links.
 */
@Service
@Transactional
class PasswordLinks {

	/** Longer than any token we make (43 characters): such a "token" is not looked up. */
	private static final int MAX_TOKEN_LENGTH = 100;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final PasswordLinkRepository links;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final SignedInSessions sessions;

	private final Clock clock;

	PasswordLinks(PasswordLinkRepository links, AccountRepository accounts, PasswordEncoder passwordEncoder,
			SignedInSessions sessions, Clock clock) {
		this.links = links;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
		this.clock = clock;
	}

	/**
	 * A new link for the account, which replaces its open links of the same purpose: the e-mail
	 * to send, with the token (which is nowhere else).
	 */
	PasswordMail.Letter issue(Account account, LinkPurpose purpose) {
		Instant now = clock.instant();
		links.voidOpen(account.getId(), purpose, now);
		String token = newToken();
		PasswordLink link = links.save(new PasswordLink(account.getId(), purpose, hash(token), now));
		Person person = account.getPerson();
		return new PasswordMail.Letter(link.getId(), purpose, person.getEmail(), person.getName(), token);
	}

	/** Whose password the link sets, while it works; empty when it doesn't (unknown, used, expired, voided). */
	@Transactional(readOnly = true)
	Optional<AccountHolder> holder(String token) {
		return open(token, false).map(link -> {
			Person person = link.account().getPerson();
			return new AccountHolder(link.account().getId(), person.getId(), person.getName(), person.getEmail());
		});
	}

	/**
	 * Sets the account's password through the link, which then works no more, nor does any other
	 * open link of the account; the account's sessions end.
	 * @return the email to sign in with; empty when the link doesn't work
	 */
	Optional<String> setPassword(String token, String newPassword) {
		return open(token, true).map(link -> {
			Account account = link.account();
			link.link().use(clock.instant());
			accounts.changePasswordHash(account.getId(), passwordEncoder.encode(newPassword), clock.instant());
			passwordChanged(account.getId());
			String email = account.getPerson().getEmail();
			sessions.end(email);
			return email;
		});
	}

	/** The person's email changed: a link sent to the old address sets no password any more. */
	void emailChanged(long personId) {
		accounts.findByPersonId(personId).ifPresent(account -> passwordChanged(account.getId()));
	}

	/** The account's password changed: none of its open links works any more. */
	void passwordChanged(long accountId) {
		links.voidOpen(accountId, clock.instant());
	}

	/** What became of the links' e-mails: which went out, and which could not (and why). */
	void record(PasswordMail.Outcome outcome) {
		Instant now = clock.instant();
		links.findAllById(outcome.sent()).forEach(link -> link.sent(now));
		links.findAllById(outcome.failed()).forEach(link -> link.notSent(outcome.failure()));
	}

	private Optional<OpenLink> open(String token, boolean lock) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			return Optional.empty();
		}
		String hash = hash(token);
		Instant now = clock.instant();
		return (lock ? links.lockByTokenHash(hash) : links.findByTokenHash(hash))
			.filter(link -> link.isOpen(now))
			.flatMap(link -> accounts.findWithPerson(link.getAccountId())
				.filter(Account::isEnabled)
				.map(account -> new OpenLink(link, account)));
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The SHA-256 hash of a token, in hexadecimal: what the table keeps. */
	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

	private record OpenLink(PasswordLink link, Account account) {
	}

}
