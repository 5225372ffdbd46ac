package org.waterhole.champion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
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
 * {@link ChampionJoined}; an active one pausing or leaving publishes {@link ChampionLeft}.
 */
@Service
@Transactional(readOnly = true)
public class ChampionService {

	private final ChampionRepository champions;

	private final ActivityRepository activities;

	private final PersonService people;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ChampionService(ChampionRepository champions, ActivityRepository activities, PersonService people,
			ApplicationEventPublisher events, Clock clock) {
		this.champions = champions;
		this.activities = activities;
		this.people = people;
		this.events = events;
		this.clock = clock;
	}

	/** The strategist records someone as a champion; they must not be one already. */
	@Transactional
	public long create(ChampionForm form) {
		long personId = people.idByEmail(form.getPersonEmail())
			.orElseThrow(() -> new UnknownPersonException());
		return create(personId, form.getSince(), form.getStatus(), form.profile());
	}

	@Transactional
	long create(long personId, LocalDate since, ChampionStatus status, Champion.Profile profile) {
		PersonSummary person = people.summary(personId).orElseThrow(UnknownPersonException::new);
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
					champion.getPersonName(), since));
		}
		return champion.getId();
	}

	@Transactional
	public void update(long id, ChampionForm form) {
		Champion champion = load(id);
		StaleEditException.check("Champion", id, form.getVersion(), champion.getVersion());
		champion.describe(form.profile());
		ChampionStatus before = champion.getStatus();
		if (before != form.getStatus() || !champion.getSince().equals(form.getSince())) {
			champion.changeStatus(form.getStatus(), form.getSince());
		}
		champions.flush();
		if (before != ChampionStatus.ACTIVE && form.getStatus() == ChampionStatus.ACTIVE) {
			events.publishEvent(new ChampionJoined(id, champion.getPersonId(), champion.getDepartmentId(),
					champion.getPersonName(), form.getSince()));
		}
		else if (before == ChampionStatus.ACTIVE && form.getStatus() != ChampionStatus.ACTIVE) {
			events.publishEvent(new ChampionLeft(id, champion.getPersonId(), champion.getDepartmentId(),
					champion.getPersonName(), form.getStatus(), form.getSince()));
		}
	}

	ChampionForm form(long id) {
		Champion champion = load(id);
		ChampionForm form = new ChampionForm();
		form.setPersonEmail(champion.getPersonEmail());
		form.setSince(champion.getSince());
		form.setStatus(champion.getStatus());
		form.setPlatforms(new java.util.LinkedHashSet<>(champion.getPlatforms()));
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

	/** Logs what a champion did; {@code recordedBy} is the person logging it. */
	@Transactional
	public void logActivity(long championId, ActivityForm form, long recordedBy) {
		load(championId);
		if (form.getOccurredOn().isAfter(LocalDate.now(clock))) {
			throw new FutureActivityException();
		}
		activities.save(new Activity(championId, form.getOccurredOn(), form.getKind(), form.getDescription(),
				form.getReach(), form.getLink(), recordedBy));
	}

	@Transactional
	public void deleteActivity(long championId, long activityId) {
		activities.delete(activities.findByIdAndChampionId(activityId, championId)
			.orElseThrow(() -> new NotFoundException("Activity", activityId)));
	}

	/** The champion record of a person, if they are one. */
	public Optional<Long> championOf(long personId) {
		return champions.findByPersonId(personId).map(Champion::getId);
	}

	/** Whether the champion {@code championId} is the person {@code personId}: they may log their own activities. */
	public boolean isSelf(long championId, long personId) {
		return champions.findById(championId).map(c -> c.getPersonId() == personId).orElse(false);
	}

	/** Keeps the copy of a champion's name, email and department current. */
	@EventListener
	@Transactional
	void on(PersonUpdated updated) {
		champions.findByPersonId(updated.personId())
			.ifPresent(champion -> champion.copy(new Champion.Person(updated.personId(), updated.name(),
					updated.email(), updated.departmentId())));
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

}
