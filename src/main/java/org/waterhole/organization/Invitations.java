package org.waterhole.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waterhole.shared.NotFoundException;

/**
 * The strategist invites people by e-mail: someone without an account gets one (staff, no
 * password yet, enabled), and each invitee an e-mail with a link to set their password, valid
 * {@link LinkPurpose#INVITATION 7 days}. Someone who has signed in already is not invited again,
 * nor is a disabled account. The accounts and links are committed first, in one transaction, and
 * only then are the e-mails sent, so that a failed send loses nothing: the accounts page shows the
 * invitation as not sent, to send again. Without an SMTP server configured, nothing is done.
 */
@Service
class Invitations {

	private final AccountRepository accounts;

	private final PersonRepository people;

	private final PasswordLinks links;

	private final PasswordMail mail;

	private final TransactionTemplate transaction;

	Invitations(AccountRepository accounts, PersonRepository people, PasswordLinks links, PasswordMail mail,
			PlatformTransactionManager transactions) {
		this.accounts = accounts;
		this.people = people;
		this.links = links;
		this.mail = mail;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Invites these people (unknown ids are left out). */
	Outcome invite(Collection<Long> personIds, Locale locale) {
		if (!mail.configured()) {
			return Outcome.MAIL_OFF;
		}
		Prepared prepared;
		try {
			prepared = transaction.execute(status -> prepare(people.findAllById(personIds)));
		}
		catch (DataIntegrityViolationException ex) {
			// Another invitation made one of these accounts at the same moment: now it is there.
			prepared = transaction.execute(status -> prepare(people.findAllById(personIds)));
		}
		if (prepared.letters().isEmpty()) {
			return prepared.outcome(null);
		}
		return prepared.outcome(mail.send(prepared.letters(), locale));
	}

	/** Invites everyone on record in the department. */
	Outcome inviteDepartment(long departmentId, Locale locale) {
		return invite(people.findIdsInDepartment(departmentId), locale);
	}

	/** Invites the holder of the account (again). */
	Outcome inviteAccount(long accountId, Locale locale) {
		Account account = accounts.findWithPerson(accountId).orElseThrow(() -> new NotFoundException("Account", accountId));
		return invite(List.of(account.getPerson().getId()), locale);
	}

	private Prepared prepare(List<Person> invitees) {
		Map<Long, Account> existing = accounts.findByPersonIdIn(invitees.stream().map(Person::getId).toList())
			.stream()
			.collect(Collectors.toMap(account -> account.getPerson().getId(), Function.identity()));
		List<PasswordMail.Letter> letters = new ArrayList<>();
		int signedIn = 0;
		int disabled = 0;
		// A former member has no email to invite.
		for (Person person : invitees.stream()
			.filter(person -> !person.isErased())
			.sorted(Comparator.comparing(Person::getName))
			.toList()) {
			Account account = existing.get(person.getId());
			if (account == null) {
				account = accounts.save(new Account(person, null, Role.STAFF));
			}
			else if (account.getLastLoginAt() != null) {
				signedIn++;
				continue;
			}
			else if (!account.isEnabled()) {
				disabled++;
				continue;
			}
			letters.add(links.issue(account, LinkPurpose.INVITATION));
		}
		String only = invitees.size() == 1 ? invitees.get(0).getEmail() : null;
		return new Prepared(letters, signedIn, disabled, only);
	}

	private record Prepared(List<PasswordMail.Letter> letters, int signedIn, int disabled, String only) {

		Outcome outcome(PasswordMail.Outcome sending) {
			int sent = sending == null ? 0 : sending.sent().size();
			int failed = sending == null ? 0 : sending.failed().size();
			return new Outcome(sent, failed, signedIn, disabled, only, sending == null ? null : sending.failure());
		}

	}

	/**
	 * What an invitation did: how many e-mails went out and how many could not be sent, how many
	 * people were left out as signed in already or disabled; the email when one person was asked
	 * for. {@link #MAIL_OFF}: no SMTP server is configured, and nothing was done.
	 */
	record Outcome(int sent, int failed, int signedIn, int disabled, String email, String failure) {

		static final Outcome MAIL_OFF = new Outcome(0, 0, 0, 0, null, null);

		boolean mailOff() {
			return this == MAIL_OFF;
		}

	}

}
