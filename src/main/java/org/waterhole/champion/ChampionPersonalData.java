package org.waterhole.champion;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.PersonService;
import org.waterhole.organization.PersonalData;
import org.waterhole.organization.PersonalRows;

/**
 * What the champion directory holds about a person: their champion profile and its history, the
 * activities logged on it or by them, their offers to volunteer (and those they decided on), and
 * the invitations to be a champion they were sent (or sent).
 */
@Component
@Order(4)
@Transactional(readOnly = true)
class ChampionPersonalData implements PersonalData {

	private static final String PROFILE = """
			select c.person_name as name, c.person_email as email, c.department_id as department, c.since, c.status,
			       c.pitch, c.open_to_mentoring,
			       array_to_string(array(select p.platform from champion_platform p where p.champion_id = c.id
			                             order by p.platform), ', ') as platforms,
			       array_to_string(array(select s.skill from champion_skill s where s.champion_id = c.id
			                             order by s.skill), ', ') as skills,
			       c.created_at, c.updated_at
			from champion c where c.person_id = :person
			""";

	private static final String ACTIVITIES = """
			select c.person_name as champion, a.occurred_on, a.kind, a.description, a.reach, a.link,
			       a.department_id as department, a.recorded_by, a.created_at
			from champion_activity a join champion c on c.id = a.champion_id
			where c.person_id = :person or a.recorded_by = :person order by a.occurred_on, a.id
			""";

	private static final String OFFERS = """
			select r.person_id as volunteer, r.created_at, r.pitch, r.platforms, r.skills, r.open_to_mentoring,
			       r.status, r.decline_reason, r.decided_by, r.decided_at
			from champion_request r where r.person_id = :person or r.decided_by = :person order by r.created_at, r.id
			""";

	private static final String INVITATIONS = """
			select i.person_id as invitee, i.department_id as department, i.invited_by, i.created_at, i.message,
			       i.pitch, i.platforms, i.skills, i.status, i.decline_reason, i.answered_at
			from champion_invitation i where i.person_id = :person or i.invited_by = :person
			order by i.created_at, i.id
			""";

	/** The champion profile's history: who changed it, when, and to what. */
	private static final String HISTORY = """
			select r.id as revision, r.changed_at, h.revtype as change, r.author_name as changed_by, h.since, h.status,
			       h.pitch, h.open_to_mentoring
			from champion_aud h join revision r on r.id = h.rev
			where h.person_id = :person order by r.id
			""";

	/** The fields that name a person by id. */
	private static final List<String> PEOPLE = List.of("recordedBy", "volunteer", "decidedBy", "invitee", "invitedBy");

	private final PersonalRows rows;

	private final PersonService people;

	ChampionPersonalData(PersonalRows rows, PersonService people) {
		this.rows = rows;
		this.people = people;
	}

	@Override
	public List<Records> about(long personId) {
		List<Records> records = List.of(new Records("championProfile", rows.about(PROFILE, personId)),
				new Records("championHistory", rows.about(HISTORY, personId)),
				new Records("championActivities", rows.about(ACTIVITIES, personId)),
				new Records("volunteerOffers", rows.about(OFFERS, personId)),
				new Records("championInvitations", rows.about(INVITATIONS, personId)));
		Map<Long, String> names = people.namesOf(personIds(records));
		records.forEach(kind -> PEOPLE.forEach(field -> PersonalRows.named(kind.items(), field, names)));
		return records;
	}

	private static Set<Long> personIds(List<Records> records) {
		Set<Long> ids = new HashSet<>();
		records.forEach(kind -> kind.items()
			.forEach(item -> PEOPLE.forEach(field -> {
				if (item.get(field) instanceof Number id) {
					ids.add(id.longValue());
				}
			})));
		return ids;
	}

}
