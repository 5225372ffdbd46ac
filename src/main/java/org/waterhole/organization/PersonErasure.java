package org.waterhole.organization;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.shared.NotFoundException;
import org.waterhole.shared.Texts;
import org.waterhole.shared.security.SignInThrottle;
import org.waterhole.shared.security.SignedInSessions;
import org.waterhole.shared.web.TextInput;

/**
 * Erases a person at the strategist's request, in one transaction: their account goes (with its
 * sessions, password links, digests and sign-in counts), the person becomes a former member, and
 * their name and email leave the history and the event publication registry. It publishes
 * {@link PersonErased}, first, so that a module listening in the same transaction can still read
 * what the person was called ({@link #namesAndEmails}) to take it out of its own texts.
 */
@Service
@Transactional(readOnly = true)
public class PersonErasure {

	/** Every name and email the person has on record, now and in their history. */
	private static final String NAMES_AND_EMAILS = """
			select name, email from person where id = :id
			union select name, email from person_aud where id = :id
			""";

	private static final String BLANK_PERSON_HISTORY = """
			update person_aud set name = :former, email = null, job_title = null where id = :id
			""";

	/** The revisions the person made: found by the email they signed in with. */
	private static final String BLANK_AUTHOR = """
			update revision set author_name = :former, author_email = null where lower(author_email) = any(:emails)
			""";

	/** A delivered event that mentions the person is not needed any more. */
	private static final String DELETE_COMPLETED_PUBLICATIONS = """
			delete from event_publication where completion_date is not null and serialized_event ~* :pattern
			""";

	/** An event still to be delivered keeps its place, with the person as a former member. */
	private static final String SCRUB_OPEN_PUBLICATIONS = """
			update event_publication set serialized_event = regexp_replace(serialized_event, :pattern, :former, 'gi')
			where completion_date is null and serialized_event ~* :pattern
			""";

	private final PersonRepository people;

	private final AccountRepository accounts;

	private final SignedInSessions sessions;

	private final SignInThrottle throttle;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	PersonErasure(PersonRepository people, AccountRepository accounts, SignedInSessions sessions,
			SignInThrottle throttle, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.people = people;
		this.accounts = accounts;
		this.sessions = sessions;
		this.throttle = throttle;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Erases the person, once the strategist typed their name; {@code erasedBy} is the strategist.
	 * @throws NameMismatchException when the typed name is not the person's (nothing is erased)
	 * @throws SelfErasureException when the strategist would erase themself
	 * @throws AlreadyErasedException when the person is a former member already
	 */
	@Transactional
	public void erase(long personId, String typedName, long erasedBy) {
		Person person = people.findForUpdate(personId).orElseThrow(() -> new NotFoundException("Person", personId));
		if (person.isErased()) {
			throw new AlreadyErasedException();
		}
		if (personId == erasedBy) {
			throw new SelfErasureException();
		}
		if (!sameName(typedName, person.getName())) {
			throw new NameMismatchException();
		}
		List<String> namesAndEmails = namesAndEmails(personId);
		List<String> emails = namesAndEmails.stream().filter(text -> text.contains("@")).toList();
		Instant now = clock.instant();
		events.publishEvent(new PersonErased(personId, person.getDepartment() == null ? null
				: person.getDepartment().getId(), now));
		endAccount(personId, emails);
		person.erase(now);
		people.saveAndFlush(person);
		jdbc.sql(BLANK_PERSON_HISTORY).param("former", Person.FORMER_MEMBER).param("id", personId).update();
		jdbc.sql(BLANK_AUTHOR).param("former", Person.FORMER_MEMBER).param("emails", emails.toArray(String[]::new)).update();
		scrubPublications(namesAndEmails);
	}

	/**
	 * Every name and email address the person has on record, now and in their history, longest
	 * first (so that an email is replaced before a name inside it); once erased, none.
	 */
	public List<String> namesAndEmails(long personId) {
		Set<String> found = new LinkedHashSet<>();
		jdbc.sql(NAMES_AND_EMAILS).param("id", personId).query(rs -> {
			found.add(rs.getString("email"));
			found.add(rs.getString("name"));
		});
		found.remove(null);
		found.remove(Person.FORMER_MEMBER);
		List<String> sorted = new ArrayList<>(found.stream().filter(text -> !text.isBlank()).toList());
		sorted.sort((a, b) -> Integer.compare(b.length(), a.length()));
		return sorted;
	}

	/** The account goes with all that hangs on it: password links and digests (by the database). */
	private void endAccount(long personId, List<String> emails) {
		accounts.findByPersonId(personId).ifPresent(account -> {
			accounts.delete(account);
			accounts.flush();
		});
		sessions.delete(emails);
		emails.forEach(throttle::forget);
	}

	private void scrubPublications(List<String> namesAndEmails) {
		for (String text : namesAndEmails) {
			// Only in values, never a key of the serialized event (for a person named like one).
			String pattern = Texts.wordPattern(text) + "(?!\"\\s*:)";
			jdbc.sql(DELETE_COMPLETED_PUBLICATIONS).param("pattern", pattern).update();
			jdbc.sql(SCRUB_OPEN_PUBLICATIONS).param("pattern", pattern).param("former", Person.FORMER_MEMBER).update();
		}
	}

	/** The name as typed, its spaces and case aside. */
	private static boolean sameName(String typed, String name) {
		String cleaned = TextInput.clean(typed);
		return cleaned != null && normalized(cleaned).equals(normalized(name));
	}

	private static String normalized(String name) {
		return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	/** The name typed to confirm is not the person's. */
	public static class NameMismatchException extends RuntimeException {

		NameMismatchException() {
			super("the typed name is not the person's");
		}

	}

	/** A strategist can't erase themself: another strategist does. */
	public static class SelfErasureException extends RuntimeException {

		SelfErasureException() {
			super("a strategist can't erase themself");
		}

	}

	/** The person is a former member already. */
	public static class AlreadyErasedException extends RuntimeException {

		AlreadyErasedException() {
			super("erased already");
		}

	}

}
