package org.waterhole.organization;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a link to set a new password, valid {@link LinkPurpose#RESET one hour}, to whoever
 * asked for it on the sign-in page, if their email is an enabled account's. It runs after the
 * request has been answered, on the task executor: the answer is the same, and as quick, whether
 * the email is known or not. Nothing about the request is logged but that it failed.
 */
@Service
class PasswordResets {

	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

	private final AccountRepository accounts;

	private final PasswordLinks links;

	private final PasswordMail mail;

	private final TransactionTemplate transaction;

	PasswordResets(AccountRepository accounts, PasswordLinks links, PasswordMail mail,
			PlatformTransactionManager transactions) {
		this.accounts = accounts;
		this.links = links;
		this.mail = mail;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * An enabled account that has a password of its own, or whose holder never signed in (invited,
	 * their link lost): not someone who signs in only through the identity provider or directory,
	 * who would otherwise gain a password that outlives being switched off there.
	 */
	private static boolean mayReset(Account account) {
		return account.isEnabled() && (account.getPasswordHash() != null || account.getLastLoginAt() == null);
	}

	@Async
	public void send(String email, Locale locale) {
		try {
			Optional<PasswordMail.Letter> letter = transaction.execute(status -> accounts
				.findByEmail(Person.normalizeEmail(email))
				.filter(PasswordResets::mayReset)
				.map(account -> links.issue(account, LinkPurpose.RESET)));
			if (letter.isPresent()) {
				mail.send(List.of(letter.get()), locale);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not send a link to reset a password: {}", ex.toString());
		}
	}

}
