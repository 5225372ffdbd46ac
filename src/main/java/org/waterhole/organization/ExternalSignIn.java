package org.waterhole.organization;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.waterhole.shared.security.SignInProblem;
import org.waterhole.shared.security.SignInProblemException;
import org.waterhole.shared.security.SignedInSessions;
import org.waterhole.shared.web.TextInput;

/**
 * Someone signs in with the institution's identity (single sign-on or the directory): their
 * person and account are found by email, or made on this first sign-in (staff, no password of
 * their own); their name, job title and department follow what the provider says; their role
 * follows their groups, never below the one the strategist gave by hand unless the groups are
 * authoritative, and never taking away the last enabled strategist. A disabled account stays
 * refused whatever the provider says.
 */
@Service
@Transactional
class ExternalSignIn {

	private static final Logger log = LoggerFactory.getLogger(ExternalSignIn.class);

	static final int NAME_LENGTH = 200;

	static final int EMAIL_LENGTH = 254;

	private final PersonRepository people;

	private final AccountRepository accounts;

	private final DepartmentRepository departments;

	private final SignInProperties properties;

	private final SignedInSessions sessions;

	private final ApplicationEventPublisher events;

	ExternalSignIn(PersonRepository people, AccountRepository accounts, DepartmentRepository departments,
			SignInProperties properties, SignedInSessions sessions, ApplicationEventPublisher events) {
		this.people = people;
		this.accounts = accounts;
		this.departments = departments;
		this.properties = properties;
		this.sessions = sessions;
		this.events = events;
	}

	/**
	 * The account {@code identity} signs in to, made or brought up to date.
	 * @throws DisabledException when the account may not sign in
	 * @throws UnusableEmailException when the identity has no usable email
	 * @throws SignInProblemException ({@link SignInProblem#OUTSIDER}) for an email of another domain than the institution's
	 */
	SignInAccount signIn(ExternalIdentity identity) {
		String email = Person.normalizeEmail(identity.email());
		if (!usable(email)) {
			throw new UnusableEmailException();
		}
		if (!properties.allows(email)) {
			throw new SignInProblemException(SignInProblem.OUTSIDER, "not one of the institution's email domains", null);
		}
		Department department = departmentOf(identity.department()).orElse(null);
		Person person = people.findByEmailForUpdate(email)
			.map(known -> updated(known, identity, department))
			.orElseGet(() -> people.save(new Person(nameOf(identity, email), email, cut(identity.jobTitle()), department)));
		Account account = accounts.findByPersonId(person.getId())
			.orElseGet(() -> accounts.save(Account.firstSignIn(person)));
		if (!account.isEnabled()) {
			throw new DisabledException("account disabled");
		}
		syncRole(account, identity);
		accounts.flush();
		Long departmentId = person.getDepartment() == null ? null : person.getDepartment().getId();
		return new SignInAccount(account.getId(), person.getId(), departmentId, person.getName(), person.getEmail(),
				account.getPasswordHash(), account.getRole(), true);
	}

	/** An address with something before and after its one {@code @}, no longer than a person's email may be. */
	private static boolean usable(String email) {
		if (!StringUtils.hasText(email) || email.length() > EMAIL_LENGTH) {
			return false;
		}
		int at = email.indexOf('@');
		return at > 0 && at == email.lastIndexOf('@') && at < email.length() - 1;
	}

	/** The department whose code or name (either case) is {@code value}. */
	private Optional<Department> departmentOf(String value) {
		if (!StringUtils.hasText(value)) {
			return Optional.empty();
		}
		String wanted = value.strip();
		return departments.findByCodeIgnoringCase(wanted).or(() -> departments.findByNameIgnoringCase(wanted));
	}

	/** The person with what the provider gives: a value it leaves out keeps what is on record. */
	private Person updated(Person person, ExternalIdentity identity, Department department) {
		String name = StringUtils.hasText(identity.name()) ? cut(identity.name()) : person.getName();
		String jobTitle = StringUtils.hasText(identity.jobTitle()) ? cut(identity.jobTitle()) : person.getJobTitle();
		Department placed = department != null ? department : person.getDepartment();
		boolean signInChanged = person.changesSignIn(name, person.getEmail(), placed);
		if (person.update(name, person.getEmail(), jobTitle, placed) && signInChanged) {
			events.publishEvent(person.updated());
		}
		return person;
	}

	private void syncRole(Account account, ExternalIdentity identity) {
		SignInProperties.Groups groups = properties.groups();
		Role role = groups.roleOf(identity.groups());
		Role least = groups.authoritative() || account.getHandRole() == null ? Role.STAFF : account.getHandRole();
		if (least.includes(role)) {
			role = least;
		}
		if (role == account.getRole()) {
			return;
		}
		if (account.getRole() == Role.STRATEGIST && accounts.lockEnabledStrategists().size() <= 1) {
			log.warn("Account {} keeps the strategist's role its groups no longer give: it is the last enabled strategist",
					account.getId());
			return;
		}
		account.changeRoleFromGroups(role);
		// Sessions with the old rights end; the one being signed in comes after the commit.
		sessions.end(account.getPerson().getEmail());
	}

	private static String nameOf(ExternalIdentity identity, String email) {
		if (StringUtils.hasText(identity.name())) {
			return cut(identity.name());
		}
		// An address's local part may be longer than a name may be.
		return cut(email.substring(0, email.indexOf('@')));
	}

	/** A provider's text cleaned as any typed text is (no control characters), and cut to what a name may be. */
	private static String cut(String value) {
		String stripped = TextInput.clean(value);
		if (stripped == null) {
			return null;
		}
		if (stripped.length() <= NAME_LENGTH) {
			return stripped;
		}
		// Not between the two halves of a character beyond the BMP (an emoji), which would be stored as '?'.
		int end = Character.isHighSurrogate(stripped.charAt(NAME_LENGTH - 1)) ? NAME_LENGTH - 1 : NAME_LENGTH;
		return stripped.substring(0, end).strip();
	}

}
