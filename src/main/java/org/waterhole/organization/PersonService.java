package org.waterhole.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.shared.DuplicateException;
import org.waterhole.shared.NotFoundException;
import org.waterhole.shared.StaleEditException;
import org.waterhole.shared.security.SignedInSessions;
import org.waterhole.shared.web.LikePattern;

/** Lists, creates and edits the people of the organisation. */
@Service
@Transactional(readOnly = true)
public class PersonService {

	/** Those of the people who are in the department now and not erased. */
	private static final String CURRENT_NAMES_IN = """
			select id, name from person where id = any(:ids) and department_id = :department and erased_at is null
			""";

	/** Whether the person is not erased, their row shared-locked: an erasure locks it for update. */
	private static final String HOLD_CURRENT = """
			select erased_at is null from person where id = :id for share
			""";

	private final PersonRepository people;

	private final DepartmentRepository departments;

	private final SignedInSessions sessions;

	private final ApplicationEventPublisher events;

	private final PasswordLinks links;

	private final JdbcClient jdbc;

	PersonService(PersonRepository people, DepartmentRepository departments, SignedInSessions sessions,
			ApplicationEventPublisher events, JdbcClient jdbc, PasswordLinks links) {
		this.links = links;
		this.people = people;
		this.departments = departments;
		this.sessions = sessions;
		this.events = events;
		this.jdbc = jdbc;
	}

	/** People whose name or email contains {@code query}, in one department or all ({@code null}). */
	public Page<PersonRow> page(String query, Long departmentId, Pageable pageable) {
		return people.findRows(LikePattern.contains(query), departmentId, pageable);
	}

	/** Up to {@code limit} people without an account whose name or email contains {@code query}. */
	List<PersonOption> withoutAccount(String query, int limit) {
		return people.findWithoutAccount(LikePattern.contains(query), PageRequest.of(0, limit));
	}

	Optional<PersonOption> option(long id) {
		return people.findOption(id);
	}

	/** The form to edit a person with, as it is now. */
	public PersonForm form(long id) {
		Person person = loadCurrent(id);
		PersonForm form = new PersonForm(person.getName(), person.getEmail(), person.getJobTitle(),
				person.getDepartment() == null ? null : person.getDepartment().getId());
		form.setVersion(person.getVersion());
		return form;
	}

	String name(long id) {
		return load(id).getName();
	}

	/** Whether the person is a former member (erased); a 404 when there is no such person. */
	boolean isErased(long id) {
		return load(id).isErased();
	}

	/**
	 * Whether the person is a current member (not erased), holding their row until the caller's
	 * transaction ends: an erasure that comes meanwhile waits for that transaction, and one that
	 * came first is seen. For a module about to write something that names the person, which an
	 * erasure would have to take out again; one look-up by the primary key.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean holdIfCurrent(long id) {
		return jdbc.sql(HOLD_CURRENT).param("id", id).query(Boolean.class).optional().orElse(false);
	}

	/** A person's name, if they exist (one column, without loading the person and their department). */
	public Optional<String> nameOf(long id) {
		return jdbc.sql("select name from person where id = :id").param("id", id).query(String.class).optional();
	}

	/** Who a person is, if they exist. */
	public Optional<PersonSummary> summary(long id) {
		return people.findById(id).map(PersonService::summary);
	}

	private static PersonSummary summary(Person p) {
		return new PersonSummary(p.getId(), p.getName(), p.getEmail(),
				p.getDepartment() == null ? null : p.getDepartment().getId());
	}

	/**
	 * Who a person is, read for a copy that must stay current: the person is share-locked until
	 * the caller's transaction ends, so a change to them (which publishes {@link PersonUpdated})
	 * waits until the copy is committed and then finds it. Call it inside a transaction.
	 */
	@Transactional
	public Optional<PersonSummary> summaryForCopy(long id) {
		return people.findForShare(id).map(PersonService::summary);
	}

	/** A person's email, if they exist. */
	public Optional<String> emailOf(long id) {
		return people.findById(id).map(Person::getEmail);
	}

	/** The names of the people with these ids (those that exist). */
	public Map<Long, String> namesOf(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		summariesOf(ids).forEach((id, person) -> names.put(id, person.name()));
		return names;
	}

	/** The names of those of these people who are in the department now (former members are not). */
	public Map<Long, String> namesIn(long departmentId, Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql(CURRENT_NAMES_IN)
			.param("ids", ids.stream().distinct().toArray(Long[]::new))
			.param("department", departmentId)
			.query(rs -> {
				names.put(rs.getLong(1), rs.getString(2));
			});
		return names;
	}

	/** Who the people with these ids are (those that exist), by id. */
	public Map<Long, PersonSummary> summariesOf(Collection<Long> ids) {
		Map<Long, PersonSummary> people = new HashMap<>();
		if (ids.isEmpty()) {
			return people;
		}
		// One statement whatever the number of ids: an array parameter, not an IN list that
		// Hibernate would translate anew for every length.
		jdbc.sql("select id, name, email, department_id from person where id = any(:ids)")
			.param("ids", ids.stream().distinct().toArray(Long[]::new))
			.query(rs -> {
				people.put(rs.getLong(1), new PersonSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
						(Long) rs.getObject(4)));
			});
		return people;
	}

	/** The id of the person with this email (in any case), if there is one. */
	public Optional<Long> idByEmail(String email) {
		return people.findByEmail(Person.normalizeEmail(email)).map(Person::getId);
	}

	@Transactional
	public long create(PersonForm form) {
		requireUniqueEmail(form.getEmail(), null);
		Person person = new Person(form.getName(), form.getEmail(), form.getJobTitle(), department(form));
		return saveUnique(person).getId();
	}

	@Transactional
	public void update(long id, PersonForm form) {
		Person person = loadCurrent(id);
		StaleEditException.check("Person", id, form.getVersion(), person.getVersion());
		requireUniqueEmail(form.getEmail(), id);
		String email = person.getEmail();
		boolean signInChanged = person.changesSignIn(form.getName(), form.getEmail(), department(form));
		person.update(form.getName(), form.getEmail(), form.getJobTitle(), department(form));
		saveUnique(person);
		if (!email.equals(person.getEmail())) {
			links.emailChanged(id);
		}
		if (signInChanged) {
			events.publishEvent(person.updated());
			// A signed-in user carries name, email and department; they sign in again to get the new ones.
			sessions.end(email);
		}
	}

	/**
	 * Someone whose identity provider gave no department places themselves in one, once: a person
	 * already in a department stays there (the strategist moves people). The person is read
	 * locked, so that a save of the strategist in flight is waited for and seen, not overwritten
	 * nor failed on.
	 * @return whether they were placed
	 */
	@Transactional
	public boolean placeInDepartment(long personId, long departmentId) {
		Person person = people.findForUpdate(personId).orElseThrow(() -> new NotFoundException("Person", personId));
		if (person.getDepartment() != null) {
			return false;
		}
		Department department = departments.findById(departmentId)
			.orElseThrow(() -> new UnknownDepartmentException(departmentId));
		person.update(person.getName(), person.getEmail(), person.getJobTitle(), department);
		events.publishEvent(person.updated());
		return true;
	}

	private Department department(PersonForm form) {
		if (form.getDepartmentId() == null) {
			return null;
		}
		return departments.findById(form.getDepartmentId())
			.orElseThrow(() -> new UnknownDepartmentException(form.getDepartmentId()));
	}

	private void requireUniqueEmail(String email, Long self) {
		people.findByEmail(Person.normalizeEmail(email))
			.filter(other -> !other.getId().equals(self))
			.ifPresent(other -> {
				throw new DuplicateException("email");
			});
	}

	private Person saveUnique(Person person) {
		try {
			return people.saveAndFlush(person);
		}
		catch (DataIntegrityViolationException ex) {
			if (DuplicateException.violates(ex, "uk_person_email")) {
				throw new DuplicateException("email");
			}
			throw ex;
		}
	}

	private Person load(long id) {
		return people.findById(id).orElseThrow(() -> new NotFoundException("Person", id));
	}

	/** A person who is not erased: a former member is no longer edited. */
	private Person loadCurrent(long id) {
		return people.findById(id).filter(person -> !person.isErased())
			.orElseThrow(() -> new NotFoundException("Person", id));
	}

	/** A form named a department that doesn't exist (removed meanwhile, or a forged request). */
	static class UnknownDepartmentException extends RuntimeException {

		UnknownDepartmentException(long id) {
			super("no department " + id);
		}

	}

}
