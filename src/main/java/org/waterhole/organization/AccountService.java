package org.waterhole.organization;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.shared.DuplicateException;
import org.waterhole.shared.NotFoundException;
import org.waterhole.shared.StaleEditException;
import org.waterhole.shared.security.SignedInSessions;
import org.waterhole.shared.web.LikePattern;

/** Creates accounts for people, changes their role and passwords. */
@Service
@Transactional(readOnly = true)
public class AccountService {

	private final AccountRepository accounts;

	private final PersonRepository people;

	private final PasswordEncoder passwordEncoder;

	private final SignedInSessions sessions;

	private final PasswordLinks links;

	private final Clock clock;

	AccountService(AccountRepository accounts, PersonRepository people, PasswordEncoder passwordEncoder,
			SignedInSessions sessions, PasswordLinks links, Clock clock) {
		this.accounts = accounts;
		this.people = people;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
		this.links = links;
		this.clock = clock;
	}

	public Page<AccountRow> page(String query, Role role, Pageable pageable) {
		return accounts.findRows(LikePattern.contains(query), role, pageable);
	}

	/** Whose account it is, for the edit page's heading. */
	AccountHolder holder(long id) {
		Account account = load(id);
		Person person = account.getPerson();
		return new AccountHolder(account.getId(), person.getId(), person.getName(), person.getEmail());
	}

	AccountForm form(long id) {
		Account account = load(id);
		AccountForm form = new AccountForm();
		form.setRole(account.getRole());
		form.setEnabled(account.isEnabled());
		form.setVersion(account.getVersion());
		return form;
	}

	/** The account of a person, if they have one. */
	public Optional<Long> accountOf(long personId) {
		return accounts.findByPersonId(personId).map(Account::getId);
	}

	/** Whether the account's holder has signed in at least once (then they are not invited again). */
	boolean hasSignedIn(long id) {
		return load(id).getLastLoginAt() != null;
	}

	@Transactional
	public long create(AccountForm form) {
		Person person = people.findById(form.getPersonId())
			.filter(candidate -> !candidate.isErased())
			.orElseThrow(() -> new NotFoundException("Person", form.getPersonId()));
		if (accounts.findByPersonId(person.getId()).isPresent()) {
			throw new DuplicateException("personId");
		}
		Account account = new Account(person, passwordEncoder.encode(form.getPassword()), form.getRole());
		try {
			return accounts.saveAndFlush(account).getId();
		}
		catch (DataIntegrityViolationException ex) {
			if (DuplicateException.violates(ex, "uk_account_person")) {
				throw new DuplicateException("personId");
			}
			throw ex;
		}
	}

	/**
	 * Changes role and whether the account may sign in; the account's sessions end so that the
	 * change holds at once. Refused when it would leave no enabled strategist: somebody must
	 * always be able to manage accounts.
	 */
	@Transactional
	public void update(long id, AccountForm form) {
		Account account = load(id);
		StaleEditException.check("Account", id, form.getVersion(), account.getVersion());
		boolean staysStrategist = form.getRole() == Role.STRATEGIST && form.isEnabled();
		boolean isActiveStrategist = account.getRole() == Role.STRATEGIST && account.isEnabled();
		if (isActiveStrategist && !staysStrategist && accounts.lockEnabledStrategists().size() <= 1) {
			throw new LastStrategistException();
		}
		boolean changed = account.getRole() != form.getRole() || account.isEnabled() != form.isEnabled();
		account.changeRole(form.getRole(), form.isEnabled());
		accounts.saveAndFlush(account);
		if (!form.isEnabled()) {
			// A link sent before it was switched off must not work if it is switched on again.
			links.passwordChanged(id);
		}
		if (changed) {
			sessions.end(account.getPerson().getEmail());
		}
	}

	/**
	 * The strategist sets a new password for someone (who forgot theirs, or whose account may be
	 * in the wrong hands): their sessions end, and no link e-mailed to them sets it any more.
	 */
	@Transactional
	public void resetPassword(long id, String newPassword) {
		Account account = load(id);
		accounts.changePasswordHash(id, passwordEncoder.encode(newPassword), clock.instant());
		links.passwordChanged(id);
		sessions.end(account.getPerson().getEmail());
	}

	/** Whether the account has a password of its own (not one who signs in only with the institution's identity). */
	boolean hasOwnPassword(long id) {
		return load(id).getPasswordHash() != null;
	}

	/**
	 * Users change their own password, proving they know the current one; no link e-mailed to them
	 * sets it any more. The account is locked before the current password is checked, so a reset
	 * by the strategist meanwhile is either waited for (and the old password no longer matches) or
	 * waits for this change.
	 * @return {@code false} when the current password is wrong
	 */
	@Transactional
	public boolean changeOwnPassword(long id, String currentPassword, String newPassword) {
		Account account = accounts.findForUpdate(id).orElseThrow(() -> new NotFoundException("Account", id));
		if (currentPassword == null || account.getPasswordHash() == null
				|| !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
			return false;
		}
		accounts.changePasswordHash(id, passwordEncoder.encode(newPassword), clock.instant());
		links.passwordChanged(id);
		return true;
	}

	/**
	 * Who gets the weekly digest: enabled managers and strategists who haven't unsubscribed
	 * (staff get none), by name.
	 */
	public List<DigestRecipient> digestRecipients() {
		return accounts.findDigestRecipients(EnumSet.of(Role.MANAGER, Role.STRATEGIST));
	}

	/** Whether the account's holder wants the weekly digest. */
	boolean wantsWeeklyDigest(long id) {
		return load(id).isWeeklyDigest();
	}

	/** The account's holder subscribes to the weekly digest, or unsubscribes. */
	@Transactional
	public void changeWeeklyDigest(long id, boolean wanted) {
		if (accounts.changeWeeklyDigest(id, wanted) == 0) {
			throw new NotFoundException("Account", id);
		}
	}

	private Account load(long id) {
		return accounts.findWithPerson(id).orElseThrow(() -> new NotFoundException("Account", id));
	}

	/** The change would leave the organisation without an enabled strategist. */
	static class LastStrategistException extends RuntimeException {

		LastStrategistException() {
			super("the last enabled strategist must stay one");
		}

	}

}
