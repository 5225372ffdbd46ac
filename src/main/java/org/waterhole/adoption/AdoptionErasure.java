package org.waterhole.adoption;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.champion.ChampionService;
import org.waterhole.organization.PersonErased;
import org.waterhole.organization.PersonErasure;
import org.waterhole.shared.Texts;

/**
 * Takes an erased person's name out of the adoption history: the reports of their champion
 * profile are titled with the former member's name, and any other event that names them (or
 * gives their email) has it replaced in its title and details. The history is append-only but
 * for this (see the migration that erases people). It runs in the erasing transaction, while the
 * person's names can still be read; what happened and when stays as it was.
 */
@Component
class AdoptionErasure {

	private static final String ALLOW = "select set_config('waterhole.erasure', :value, true)";

	private static final String RETITLE_CHAMPION_REPORTS = """
			update adoption_event set title = :former
			where subject_id = :champion and kind in ('CHAMPION_JOINED', 'CHAMPION_LEFT', 'CHAMPION_MOVED')
			  and title <> :former
			""";

	private static final String REPLACE_NAME = """
			update adoption_event
			set title = left(regexp_replace(title, :pattern, :former, 'gi'), 300),
			    details = left(regexp_replace(details, :pattern, :former, 'gi'), 4000)
			where title ~* :pattern or details ~* :pattern
			""";

	private final PersonErasure erasure;

	private final ChampionService champions;

	private final JdbcClient jdbc;

	AdoptionErasure(PersonErasure erasure, ChampionService champions, JdbcClient jdbc) {
		this.erasure = erasure;
		this.champions = champions;
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional
	void on(PersonErased erased) {
		List<String> namesAndEmails = erasure.namesAndEmails(erased.personId());
		allow("on");
		champions.championOf(erased.personId())
			.ifPresent(champion -> jdbc.sql(RETITLE_CHAMPION_REPORTS)
				.param("former", PersonErased.FORMER_MEMBER)
				.param("champion", champion)
				.update());
		for (String text : namesAndEmails) {
			jdbc.sql(REPLACE_NAME)
				.param("pattern", Texts.wordPattern(text))
				.param("former", PersonErased.FORMER_MEMBER)
				.update();
		}
		allow("off");
	}

	private void allow(String value) {
		jdbc.sql(ALLOW).param("value", value).query(String.class).single();
	}

}
