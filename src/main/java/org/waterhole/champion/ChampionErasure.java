package org.waterhole.champion;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.PersonErased;

/**
 * Ends what the champion directory holds about an erased person: their champion profile ends as
 * leaving does (publishing {@link ChampionLeft}, under the former member's name, when they were
 * active), what they wrote is blanked (their pitch, in the history too, and the descriptions and
 * links of their activities, which keep counting), their volunteer requests are withdrawn and the
 * invitations to them withdrawn and blanked.
 * <p>
 * It runs in the erasing transaction (an event listener, as the adoption history's erasure is),
 * so that the erasure is whole or not at all: once it has returned, the directory holds neither
 * the person's name nor their email, and should this fail nothing is erased. It reads no name: the
 * order in which the listeners of the erasure run does not matter. {@link ChampionLeft} is
 * delivered after the commit, as any other, and tells the adoption history that the coverage ended.
 */
@Component
class ChampionErasure {

	private static final String BLANK_PITCH_HISTORY = """
			update champion_aud set pitch = null where id = :champion
			""";

	private static final String BLANK_ACTIVITIES = """
			update champion_activity set description = '', link = null, version = version + 1, updated_at = :now
			where champion_id = :champion
			""";

	private static final String WITHDRAW_REQUESTS = """
			delete from champion_request where person_id = :person
			""";

	private static final String WITHDRAW_INVITATIONS = """
			update champion_invitation
			set status = case when status = 'PENDING' then 'WITHDRAWN' else status end,
			    answered_at = coalesce(answered_at, :now), message = null, pitch = null, decline_reason = null,
			    version = version + 1, updated_at = :now
			where person_id = :person
			""";

	private final ChampionRepository champions;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	ChampionErasure(ChampionRepository champions, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.champions = champions;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	@CacheEvict(cacheNames = Directory.SKILLS, allEntries = true)
	void on(PersonErased erased) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		champions.findIdByPersonId(erased.personId()).flatMap(champions::findById).ifPresent(champion -> {
			boolean wasActive = champion.erase(PersonErased.FORMER_MEMBER);
			champions.saveAndFlush(champion);
			if (wasActive) {
				events.publishEvent(new ChampionLeft(champion.getId(), erased.personId(), champion.getDepartmentId(),
						PersonErased.FORMER_MEMBER, ChampionStatus.ALUMNI,
						LocalDate.ofInstant(erased.erasedAt(), clock.getZone()), champion.getVersion()));
			}
			jdbc.sql(BLANK_PITCH_HISTORY).param("champion", champion.getId()).update();
			jdbc.sql(BLANK_ACTIVITIES).param("champion", champion.getId()).param("now", now).update();
		});
		jdbc.sql(WITHDRAW_REQUESTS).param("person", erased.personId()).update();
		jdbc.sql(WITHDRAW_INVITATIONS).param("person", erased.personId()).param("now", now).update();
	}

}
