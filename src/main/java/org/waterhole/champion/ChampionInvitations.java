package org.waterhole.champion;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.champion.ChampionService.UnknownPersonException;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.PersonService;
import org.waterhole.organization.PersonSummary;
import org.waterhole.shared.DuplicateException;
import org.waterhole.shared.NotFoundException;
import org.waterhole.shared.Platform;
import org.waterhole.shared.Tags;

/**
 * The strategist invites colleagues to be champions; the invitee accepts (they become an active
 * champion the way an accepted volunteer does) or declines, and the strategist may withdraw an
 * invitation while it waits. One pending invitation per person; nobody already a champion is invited.
 */
@Service
@Transactional(readOnly = true)
public class ChampionInvitations {

	/** How many answered invitations the strategist sees beside the waiting ones. */
	static final int ANSWERED_SHOWN = 20;

	private final ChampionInvitationRepository invitations;

	private final ChampionRepository champions;

	private final ChampionService championService;

	private final PersonService people;

	private final DepartmentService departments;

	private final Clock clock;

	ChampionInvitations(ChampionInvitationRepository invitations, ChampionRepository champions,
			ChampionService championService, PersonService people, DepartmentService departments, Clock clock) {
		this.invitations = invitations;
		this.champions = champions;
		this.championService = championService;
		this.people = people;
		this.departments = departments;
		this.clock = clock;
	}

	/**
	 * Invites the person with the form's email.
	 * @throws UnknownPersonException when nobody on record has that email
	 * @throws AlreadyChampionException when they are a champion (active, paused or alumni) already
	 * @throws AlreadyInvitedException when an earlier invitation of theirs still waits
	 */
	@Transactional
	public Invited invite(InvitationForm form, long invitedBy) {
		PersonSummary person = people.idByEmail(form.getPersonEmail())
			.flatMap(people::summary)
			.orElseThrow(UnknownPersonException::new);
		if (champions.existsByPersonId(person.id())) {
			throw new AlreadyChampionException();
		}
		if (invitations.existsByPersonIdAndStatus(person.id(), InvitationStatus.PENDING)) {
			throw new AlreadyInvitedException();
		}
		Champion.Profile profile = form.profile();
		try {
			long id = invitations.saveAndFlush(new ChampionInvitation(person.id(), person.departmentId(), invitedBy,
					blankToNull(form.getMessage()), profile.platforms().stream().map(Enum::name).collect(Collectors.toSet()),
					profile.skills(), blankToNull(profile.pitch()))).getId();
			return new Invited(id, person.name(), person.email());
		}
		catch (DataIntegrityViolationException ex) {
			if (DuplicateException.violates(ex, "uk_champion_invitation_pending")) {
				throw new AlreadyInvitedException();
			}
			throw ex;
		}
	}

	/** A new invitation's form for a person (by id): their email, nothing else; empty for an unknown person. */
	Optional<String> emailOf(long personId) {
		return people.emailOf(personId);
	}

	/** Whether the person has an invitation waiting for their answer. */
	boolean isInvited(long personId) {
		return invitations.existsByPersonIdAndStatus(personId, InvitationStatus.PENDING);
	}

	/** The invitation waiting for the person's answer, if any: for a notice on the pages they open. */
	public Optional<Notice> waitingFor(long personId) {
		return invitations.findFirstByPersonIdAndStatus(personId, InvitationStatus.PENDING)
			.map(i -> new Notice(i.getId(), people.nameOf(i.getInvitedBy()).orElse(null), i.getCreatedAt()));
	}

	/** The person's own invitations, newest first, each with who sent it and its message. */
	List<OwnInvitation> of(long personId) {
		List<ChampionInvitation> own = invitations.findByPersonIdOrderByCreatedAtDescIdDesc(personId);
		Map<Long, String> inviters = people.namesOf(own.stream().map(ChampionInvitation::getInvitedBy).distinct().toList());
		return own.stream()
			.map(i -> new OwnInvitation(i.getId(), i.getStatus(), inviters.get(i.getInvitedBy()), i.getMessage(),
					i.getCreatedAt(), i.getAnsweredAt()))
			.toList();
	}

	/** The answer form of the person's waiting invitation, prefilled with the suggested profile; a 404 unless it is theirs. */
	InvitationAnswerForm answerForm(long id, long personId) {
		ChampionInvitation invitation = own(invitations.findById(id), id, personId);
		InvitationAnswerForm form = new InvitationAnswerForm();
		form.setPitch(invitation.getPitch());
		form.setPlatforms(invitation.getPlatforms().stream().map(Platform::valueOf).collect(Collectors.toSet()));
		form.setSkills(Tags.format(invitation.getSkills()));
		return form;
	}

	/**
	 * The invitee accepts with their profile: they are an active champion from today, made as an
	 * accepted volunteer is (so the directory, the timeline and the history hear of it the same way).
	 * Someone who became a champion meanwhile keeps their record; the invitation is closed as accepted.
	 * @return the champion's id
	 * @throws NotFoundException unless the invitation is the person's
	 * @throws ChampionInvitation.AlreadyAnsweredException when it was answered or withdrawn already
	 */
	@Transactional
	@CacheEvict(cacheNames = Directory.SKILLS, allEntries = true)
	public long accept(long id, long personId, InvitationAnswerForm form) {
		ChampionInvitation invitation = own(invitations.findForUpdate(id), id, personId);
		invitation.accept(clock.instant());
		Optional<Long> existing = championService.championOf(personId);
		if (existing.isPresent()) {
			return existing.get();
		}
		return championService.create(personId, LocalDate.now(clock), ChampionStatus.ACTIVE, form.profile());
	}

	/** The invitee declines, with an optional reason; the same exceptions as {@link #accept}. */
	@Transactional
	public void decline(long id, long personId, String reason) {
		own(invitations.findForUpdate(id), id, personId).decline(blankToNull(reason), clock.instant());
	}

	/** The strategist takes a waiting invitation back. */
	@Transactional
	public void withdraw(long id) {
		invitations.findForUpdate(id).orElseThrow(() -> new NotFoundException("Invitation", id)).withdraw(clock.instant());
	}

	/** Whether the person's invitation still waits for their answer; a 404 unless it is theirs. */
	boolean isWaiting(long id, long personId) {
		return own(invitations.findById(id), id, personId).getStatus() == InvitationStatus.PENDING;
	}

	/** Whether the invitation is the person's (true for one that doesn't exist: its handler says it is gone). */
	boolean mayAnswer(long id, long personId) {
		return invitations.findById(id).map(i -> i.getPersonId() == personId).orElse(true);
	}

	/** The invitations for the strategist: those waiting, oldest first, then the latest answered. */
	List<InvitationRow> forStrategist() {
		List<ChampionInvitation> waiting = invitations.findByStatusOrderByCreatedAtAscIdAsc(InvitationStatus.PENDING);
		List<ChampionInvitation> answered = invitations.findTop20ByStatusNotOrderByAnsweredAtDescIdDesc(InvitationStatus.PENDING);
		List<ChampionInvitation> all = Stream.concat(waiting.stream(), answered.stream()).toList();
		Map<Long, PersonSummary> who = people
			.summariesOf(all.stream().flatMap(i -> Stream.of(i.getPersonId(), i.getInvitedBy())).distinct().toList());
		Map<Long, String> departmentNames = DepartmentOption.namesById(departments.options());
		List<InvitationRow> rows = new ArrayList<>();
		for (ChampionInvitation i : all) {
			PersonSummary person = who.get(i.getPersonId());
			PersonSummary inviter = who.get(i.getInvitedBy());
			rows.add(new InvitationRow(i.getId(), i.getPersonId(), person == null ? null : person.name(),
					i.getDepartmentId() == null ? null : departmentNames.get(i.getDepartmentId()),
					inviter == null ? null : inviter.name(), i.getMessage(), i.getStatus(), i.getDeclineReason(),
					i.getCreatedAt(), i.getAnsweredAt()));
		}
		return rows;
	}

	private static ChampionInvitation own(Optional<ChampionInvitation> found, long id, long personId) {
		return found.filter(i -> i.getPersonId() == personId).orElseThrow(() -> new NotFoundException("Invitation", id));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** A new invitation, and whom to tell. */
	public record Invited(long id, String name, String email) {
	}

	/** An invitation waiting for its invitee: who sent it, and when. */
	public record Notice(long id, String invitedByName, Instant invitedAt) {
	}

	/** An invitation as its invitee sees it. */
	public record OwnInvitation(long id, InvitationStatus status, String invitedByName, String message,
			Instant invitedAt, Instant answeredAt) {
	}

	/** An invitation as the strategist sees it: whom, from which department, by whom, and the answer. */
	public record InvitationRow(long id, long personId, String name, String departmentName, String invitedByName,
			String message, InvitationStatus status, String declineReason, Instant invitedAt, Instant answeredAt) {
	}

	/** The person is a champion already. */
	static class AlreadyChampionException extends RuntimeException {

		AlreadyChampionException() {
			super("already a champion");
		}

	}

	/** The person's earlier invitation still waits. */
	static class AlreadyInvitedException extends RuntimeException {

		AlreadyInvitedException() {
			super("already invited");
		}

	}

}
