package org.waterhole.champion;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.PersonService;
import org.waterhole.organization.PersonSummary;
import org.waterhole.organization.PersonUpdated;
import org.waterhole.shared.DuplicateException;
import org.waterhole.shared.NotFoundException;
import org.waterhole.shared.StaleEditException;
import org.waterhole.shared.Tags;

/**
 * Records champions and what they do. A champion becoming active publishes
 * {@link ChampionJoined}; an active one pausing or leaving publishes {@link ChampionLeft}; one
 * moving department with their person publishes {@link ChampionMoved}.
 */
@Service
@Transactional(readOnly = true)
public class ChampionService {

	private final ChampionRepository champions;

	private final ActivityRepository activities;

	private final PersonService people;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	ChampionService(ChampionRepository champions, ActivityRepository activities, PersonService people,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.champions = champions;
		this.activities = activities;
		this.people = people;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The strategist records someone as a champion; they must not be one already. */
	@Transactional
	@CacheEvict(cacheNames = Directory.SKILLS, allEntries = true)
	public long create(ChampionForm form) {
		long personId = people.idByEmail(form.getPersonEmail())
			.orElseThrow(() -> new UnknownPersonException());
		return create(personId, form.getSince(), form.getStatus(), form.profile());
	}

	/**
	 * Records the person as a champion. The person is read share-locked (see
	 * {@link PersonService#summaryForCopy}): a rename at the same time waits for this record and
	 * then updates its copy, rather than being lost.
	 */
	@Transactional
	@CacheEvict(cacheNames = Directory.SKILLS, allEntries = true)
	long create(long personId, LocalDate since, ChampionStatus status, Champion.Profile profile) {
		PersonSummary person = people.summaryForCopy(personId).orElseThrow(UnknownPersonException::new);
		if (champions.existsByPersonId(personId)) {
			throw new DuplicateException("personEmail");
		}
		Champion champion = new Champion(new Champion.Person(person.id(), person.name(), person.email(),
				person.departmentId()), since);
		champion.describe(profile);
		champion.changeStatus(status, since);
		try {
			champions.saveAndFlush(champion);
		}
		catch (DataIntegrityViolationException ex) {
			if (DuplicateException.violates(ex, "uk_champion_person")) {
				throw new DuplicateException("personEmail");
			}
			throw ex;
		}
		if (status == ChampionStatus.ACTIVE) {
			events.publishEvent(new ChampionJoined(champion.getId(), personId, champion.getDepartmentId(),
					champion.getPersonName(), since, champion.getVersion()));
		}
		return champion.getId();
	}

	@Transactional
	@CacheEvict(cacheNames = Directory.SKILLS, allEntries = true)
	public void update(long id, ChampionForm form) {
		Champion champion = load(id);
		StaleEditException.check("Champion", id, form.getVersion(), champion.getVersion());
		champion.describe(form.profile());
		ChampionStatus before = champion.getStatus();
		if (before != form.getStatus() || !champion.getSince().equals(form.getSince())) {
			champion.changeStatus(form.getStatus(), form.getSince());
		}
		champions.flush();
		// "since" stays the date they became a champion; the events carry the day the status changed.
		LocalDate today = LocalDate.now(clock);
		if (before != ChampionStatus.ACTIVE && form.getStatus() == ChampionStatus.ACTIVE) {
			events.publishEvent(new ChampionJoined(id, champion.getPersonId(), champion.getDepartmentId(),
					champion.getPersonName(), today, champion.getVersion()));
		}
		else if (before == ChampionStatus.ACTIVE && form.getStatus() != ChampionStatus.ACTIVE) {
			events.publishEvent(new ChampionLeft(id, champion.getPersonId(), champion.getDepartmentId(),
					champion.getPersonName(), form.getStatus(), today, champion.getVersion()));
		}
	}

	/** The champion's name, for a page about them (their history); a 404 when there is none. */
	String name(long id) {
		return load(id).getPersonName();
	}

	/** Throws {@link NotFoundException} unless the champion exists. */
	void requireExists(long id) {
		if (!champions.existsById(id)) {
			throw new NotFoundException("Champion", id);
		}
	}

	ChampionForm form(long id) {
		Champion champion = load(id);
		ChampionForm form = new ChampionForm();
		form.setPersonEmail(champion.getPersonEmail());
		form.setSince(champion.getSince());
		form.setStatus(champion.getStatus());
		form.setPlatforms(new LinkedHashSet<>(champion.getPlatforms()));
		form.setSkills(Tags.format(champion.getSkills()));
		form.setPitch(champion.getPitch());
		form.setOpenToMentoring(champion.isOpenToMentoring());
		form.setVersion(champion.getVersion());
		return form;
	}

	ChampionView view(long id) {
		Champion champion = load(id);
		return new ChampionView(champion.getId(), champion.getPersonId(), champion.getPersonName(),
				champion.getPersonEmail(), champion.getDepartmentId(), champion.getSince(), champion.getStatus(),
				champion.getPitch(), champion.isOpenToMentoring(), champion.getPlatforms().stream().sorted().toList(),
				champion.getSkills().stream().sorted().toList(), champion.getUpdatedAt());
	}

	/**
	 * Logs what a champion did; {@code recordedBy} is the person logging it. The activity counts
	 * toward the department the champion is in today, even after they move.
	 */
	@Transactional
	public void logActivity(long championId, ActivityForm form, long recordedBy) {
		Champion champion = load(championId);
		if (form.getOccurredOn().isAfter(LocalDate.now(clock))) {
			throw new FutureActivityException();
		}
		activities.save(new Activity(championId, champion.getDepartmentId(), form.getOccurredOn(), form.getKind(),
				form.getDescription(), form.getReach(), form.getLink(), recordedBy));
	}

	/**
	 * Deletes an activity of the champion, in one statement: any activity when
	 * {@code onlyRecordedBy} is {@code null} (the strategist), otherwise only one that person
	 * logged.
	 * @throws ActivityGoneException when it is gone already (deleted in another tab, say)
	 * @throws NotRecordedByException when someone else logged it
	 */
	@Transactional
	public void deleteActivity(long championId, long activityId, Long onlyRecordedBy) {
		int deleted = activities.delete(activityId, championId, onlyRecordedBy == null,
				onlyRecordedBy == null ? -1 : onlyRecordedBy);
		if (deleted == 0) {
			throw activities.findRecordedBy(activityId, championId).isPresent() ? new NotRecordedByException()
					: new ActivityGoneException();
		}
	}

	/** Who logged the champion's activity, if it exists. */
	Optional<Long> recordedBy(long championId, long activityId) {
		return activities.findRecordedBy(activityId, championId);
	}

	/** A person's email, to prefill a new champion's form; empty when there is no such person. */
	Optional<String> emailOf(long personId) {
		return people.emailOf(personId);
	}

	/** The champion record of a person, if they are one (active, paused or alumni). */
	public Optional<Long> championOf(long personId) {
		return champions.findIdByPersonId(personId);
	}

	/** Whether the champion {@code championId} is the person {@code personId}: they may log their own activities. */
	public boolean isSelf(long championId, long personId) {
		return champions.findById(championId).map(c -> c.getPersonId() == personId).orElse(false);
	}

	/**
	 * Keeps the copy of a champion's name, email and department current, in the transaction that
	 * changed the person. One statement by person id and no entity loaded: a CSV import publishes
	 * this for every changed row, and most people are not champions. A changed copy moves the
	 * champion's version on, so an edit of the champion that loaded the old copy is refused as
	 * stale instead of writing the old name back. An active champion whose person moved
	 * department publishes {@link ChampionMoved}.
	 */
	@EventListener
	@Transactional
	void on(PersonUpdated updated) {
		jdbc.sql("""
				update champion c set person_name = :name, person_email = :email, department_id = :department,
				       version = c.version + 1, updated_at = :now
				from (select id, department_id from champion where person_id = :person for update) before
				where c.id = before.id
				  and (c.person_name, c.person_email, c.department_id) is distinct from (:name, :email, :department)
				returning c.id, before.department_id as moved_from, c.status, c.version
				""")
			.param("name", updated.name())
			.param("email", updated.email())
			.param("department", updated.departmentId(), Types.BIGINT)
			.param("now", OffsetDateTime.now(clock))
			.param("person", updated.personId())
			.query((rs, n) -> {
				Long from = rs.getObject("moved_from", Long.class);
				if (ChampionStatus.ACTIVE.name().equals(rs.getString("status"))
						&& !Objects.equals(from, updated.departmentId())) {
					events.publishEvent(new ChampionMoved(rs.getLong("id"), updated.personId(), from,
							updated.departmentId(), updated.name(), LocalDate.now(clock), rs.getLong("version")));
				}
				return rs.getLong("id");
			})
			.list();
	}

	private Champion load(long id) {
		return champions.findById(id).orElseThrow(() -> new NotFoundException("Champion", id));
	}

	/** Nobody on record has the email the form gave. */
	static class UnknownPersonException extends RuntimeException {

		UnknownPersonException() {
			super("unknown person");
		}

	}

	/** An activity can't be logged before it happened. */
	static class FutureActivityException extends RuntimeException {

		FutureActivityException() {
			super("activity in the future");
		}

	}

	/** The activity to delete is not there (any more). */
	static class ActivityGoneException extends RuntimeException {

		ActivityGoneException() {
			super("activity gone");
		}

	}

	/** The activity to delete was logged by someone else; only the strategist may delete it. */
	static class NotRecordedByException extends RuntimeException {

		NotRecordedByException() {
			super("activity logged by someone else");
		}

	}

}
