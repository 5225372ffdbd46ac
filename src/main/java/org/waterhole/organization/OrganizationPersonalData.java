package org.waterhole.organization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the organisation holds about a person: the person, their account (never the password hash),
 * the links e-mailed to them to set a password (dates and purposes, never the token), the
 * sessions they are signed in with, the changes they made anywhere (the history's revisions under
 * their name) and the history of their person and account.
 */
@Component
@Order(1)
@Transactional(readOnly = true)
class OrganizationPersonalData implements PersonalData {

	private static final String PERSON = """
			select p.name, p.email, p.job_title, p.department_id as department, p.readings_unnamed,
			       p.created_at, p.updated_at
			from person p where p.id = :person
			""";

	private static final String ACCOUNT = """
			select p.email as username, a.role, a.enabled, a.password_hash is not null as own_password,
			       a.hand_role is null as made_at_first_sign_in, a.weekly_digest, a.last_login_at as last_sign_in,
			       a.created_at
			from account a join person p on p.id = a.person_id where a.person_id = :person
			""";

	private static final String PASSWORD_LINKS = """
			select l.purpose, l.created_at, l.expires_at, l.sent_at, l.used_at, l.voided_at
			from password_link l join account a on a.id = l.account_id
			where a.person_id = :person order by l.created_at, l.id
			""";

	/** Revisions made under any address the person has had (the history names authors as they were). */
	private static final String CHANGES_MADE = """
			select r.id as revision, r.changed_at, r.author_name as name, r.author_email as email
			from revision r
			where r.author_email in (select email from person where id = :person
			                         union select email from person_aud where id = :person and email is not null)
			order by r.id
			""";

	private static final String PERSON_HISTORY = """
			select r.id as revision, r.changed_at, h.revtype as change, r.author_name as changed_by,
			       h.name, h.email, h.job_title, h.department_id as department, h.readings_unnamed
			from person_aud h join revision r on r.id = h.rev
			where h.id = :person order by r.id
			""";

	private static final String ACCOUNT_HISTORY = """
			select r.id as revision, r.changed_at, h.revtype as change, r.author_name as changed_by,
			       h.role, h.enabled
			from account_aud h join revision r on r.id = h.rev
			where h.person_id = :person order by r.id
			""";

	private final PersonalRows rows;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final SingleSignOnProperties singleSignOn;

	private final DirectoryProperties directory;

	OrganizationPersonalData(PersonalRows rows, FindByIndexNameSessionRepository<? extends Session> sessions,
			SingleSignOnProperties singleSignOn, DirectoryProperties directory) {
		this.rows = rows;
		this.sessions = sessions;
		this.singleSignOn = singleSignOn;
		this.directory = directory;
	}

	@Override
	public List<Records> about(long personId) {
		List<Map<String, Object>> person = rows.about(PERSON, personId);
		List<Map<String, Object>> account = rows.about(ACCOUNT, personId);
		account.forEach(this::addSignInMethods);
		return List.of(new Records("person", person), new Records("account", account),
				new Records("passwordLinks", rows.about(PASSWORD_LINKS, personId)),
				new Records("sessions", sessions(person)), new Records("changesMade", rows.about(CHANGES_MADE, personId)),
				new Records("personHistory", rows.about(PERSON_HISTORY, personId)),
				new Records("accountHistory", rows.about(ACCOUNT_HISTORY, personId)));
	}

	/** The ways the account signs in: its own password, and the institution's identity where set up. */
	private void addSignInMethods(Map<String, Object> account) {
		List<String> methods = new ArrayList<>();
		if (Boolean.TRUE.equals(account.remove("ownPassword"))) {
			methods.add("password");
		}
		if (singleSignOn.enabled()) {
			methods.add("singleSignOn");
		}
		if (directory.enabled()) {
			methods.add("directory");
		}
		account.put("signInMethods", String.join(", ", methods));
	}

	/** The sessions signed in under the person's address: when each began and was last used. */
	private List<Map<String, Object>> sessions(List<Map<String, Object>> person) {
		if (person.isEmpty()) {
			return List.of();
		}
		String email = (String) person.get(0).get("email");
		return sessions.findByPrincipalName(email)
			.values()
			.stream()
			.sorted(Comparator.comparing(Session::getCreationTime))
			.map(session -> {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("startedAt", session.getCreationTime());
				item.put("lastActiveAt", session.getLastAccessedTime());
				return item;
			})
			.toList();
	}

}
