package org.waterhole.organization;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.shared.NotFoundException;
import org.waterhole.shared.SqlArray;

/**
 * Each person's choice that their name is never connected to what they read. Their readings
 * still count for their department; whoever names readers (the playbook's keen readers) leaves
 * them out.
 */
@Service
@Transactional(readOnly = true)
public class ReadingPrivacy {

	private static final String UNNAMED_AMONG = """
			select id from person where readings_unnamed and id = any(cast(:ids as bigint[]))
			""";

	private static final String NEVER_NAMED = """
			select id from person where readings_unnamed or erased_at is not null
			""";

	private final PersonRepository people;

	private final JdbcClient jdbc;

	ReadingPrivacy(PersonRepository people, JdbcClient jdbc) {
		this.people = people;
		this.jdbc = jdbc;
	}

	/** Those of {@code personIds} who chose that their name is never connected to their readings. */
	public Set<Long> unnamedAmong(Collection<Long> personIds) {
		if (personIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql(UNNAMED_AMONG).param("ids", SqlArray.of(personIds)).query(Long.class).list());
	}

	/**
	 * Everyone never to be named next to what they read, whatever their department now: those who
	 * chose so, and former members.
	 */
	public Set<Long> neverNamed() {
		return new HashSet<>(jdbc.sql(NEVER_NAMED).query(Long.class).list());
	}

	/** Whether the person chose that their name is never connected to their readings. */
	public boolean isUnnamed(long personId) {
		return !unnamedAmong(Set.of(personId)).isEmpty();
	}

	/**
	 * The person's own choice, kept in their history (a change of the person, by them). The person
	 * is read locked, so that a save of the strategist in flight is waited for, not failed on.
	 * @return whether it changed
	 */
	@Transactional
	boolean choose(long personId, boolean unnamed) {
		Person person = people.findForUpdate(personId).orElseThrow(() -> new NotFoundException("Person", personId));
		return person.chooseReadingsUnnamed(unnamed);
	}

}
