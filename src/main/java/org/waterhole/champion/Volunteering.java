package org.waterhole.champion;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.shared.DuplicateException;
import org.waterhole.shared.NotFoundException;
import org.waterhole.shared.Platform;

/**
 * Colleagues offer to be champions; the strategist accepts (the champion is created from the
 * offer) or declines with a reason. One pending offer per person; nobody becomes two champions.
 */
@Service
@Transactional(readOnly = true)
public class Volunteering {

	private final VolunteerRequestRepository requests;

	private final ChampionRepository champions;

	private final ChampionService championService;

	private final Clock clock;

	Volunteering(VolunteerRequestRepository requests, ChampionRepository champions, ChampionService championService,
			Clock clock) {
		this.requests = requests;
		this.champions = champions;
		this.championService = championService;
		this.clock = clock;
	}

	@Transactional
	public long volunteer(long personId, VolunteerForm form) {
		if (champions.existsByPersonId(personId)) {
			throw new AlreadyChampionException();
		}
		if (requests.existsByPersonIdAndStatus(personId, RequestStatus.PENDING)) {
			throw new AlreadyPendingException();
		}
		try {
			Champion.Profile profile = form.profile();
			return requests.saveAndFlush(new VolunteerRequest(personId,
					profile.platforms().stream().map(Enum::name).collect(Collectors.toSet()), profile.skills(),
					profile.pitch(), profile.openToMentoring())).getId();
		}
		catch (DataIntegrityViolationException ex) {
			if (DuplicateException.violates(ex, "uk_champion_request_pending")) {
				throw new AlreadyPendingException();
			}
			throw ex;
		}
	}

	/**
	 * Accepts the offer: the volunteer is an active champion from today. If they became a
	 * champion meanwhile (the strategist recorded them directly), the offer is closed as accepted
	 * all the same, so that it doesn't wait forever, and their existing record is returned.
	 * @throws VolunteerRequest.AlreadyDecidedException when the offer was accepted or declined
	 * already; of two decisions at the same time, the second waits for the first and gets this
	 */
	@Transactional
	@CacheEvict(cacheNames = Directory.SKILLS, allEntries = true)
	public Acceptance accept(long requestId, long decidedBy) {
		VolunteerRequest request = loadForUpdate(requestId);
		request.accept(decidedBy, clock.instant());
		Optional<Long> existing = championService.championOf(request.getPersonId());
		if (existing.isPresent()) {
			return new Acceptance(existing.get(), true);
		}
		Champion.Profile profile = new Champion.Profile(
				request.getPlatforms().stream().map(Platform::valueOf).collect(Collectors.toSet()), request.getSkills(),
				request.getPitch(), request.isOpenToMentoring());
		return new Acceptance(
				championService.create(request.getPersonId(), LocalDate.now(clock), ChampionStatus.ACTIVE, profile),
				false);
	}

	/** @throws VolunteerRequest.AlreadyDecidedException when the offer was accepted or declined already */
	@Transactional
	public void decline(long requestId, String reason, long decidedBy) {
		loadForUpdate(requestId).decline(reason, decidedBy, clock.instant());
	}

	/**
	 * The person takes back their offer that waits (there is one at most): it is deleted, as if
	 * never sent. {@code false} when none waits (the strategist answered it meanwhile, say); an
	 * answer at the same time waits for this, or this for it.
	 */
	@Transactional
	public boolean withdraw(long personId) {
		Optional<VolunteerRequest> waiting = requests.findByPersonIdAndStatus(personId, RequestStatus.PENDING)
			.flatMap(request -> requests.findForUpdate(request.getId()))
			.filter(request -> request.getStatus() == RequestStatus.PENDING);
		waiting.ifPresent(requests::delete);
		return waiting.isPresent();
	}

	/** Whether the offer still waits for an answer; a {@link NotFoundException} if there is no such offer. */
	boolean isPending(long requestId) {
		return requests.findById(requestId)
			.orElseThrow(() -> new NotFoundException("Request", requestId))
			.getStatus() == RequestStatus.PENDING;
	}

	/** What accepting an offer came to: the champion, and whether they were one already. */
	public record Acceptance(long championId, boolean wasChampionAlready) {
	}

	/** A person's own offers, newest first, so they see where each stands and what they sent. */
	public List<OwnRequest> requestsOf(long personId) {
		return requests.findByPersonIdOrderByCreatedAtDescIdDesc(personId)
			.stream()
			.map(r -> new OwnRequest(r.getId(), r.getStatus(), r.getCreatedAt(), r.getDeclineReason(), r.getPitch(),
					r.getPlatforms().stream().map(Platform::valueOf).sorted().toList(),
					r.getSkills().stream().sorted().toList(), r.isOpenToMentoring()))
			.toList();
	}

	/** An offer as its author sees it: where it stands, and what they sent. */
	public record OwnRequest(long id, RequestStatus status, Instant createdAt, String declineReason, String pitch,
			List<Platform> platforms, List<String> skills, boolean openToMentoring) {

		public boolean pending() {
			return status == RequestStatus.PENDING;
		}

	}

	private VolunteerRequest loadForUpdate(long id) {
		return requests.findForUpdate(id).orElseThrow(() -> new NotFoundException("Request", id));
	}

	/** The person already has a champion record. */
	static class AlreadyChampionException extends RuntimeException {

		AlreadyChampionException() {
			super("already a champion");
		}

	}

	/** The person's earlier offer is still waiting. */
	static class AlreadyPendingException extends RuntimeException {

		AlreadyPendingException() {
			super("already pending");
		}

	}

}
