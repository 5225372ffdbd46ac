package org.waterhole.champion;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.boot.test.context.TestComponent;
import org.waterhole.shared.Platform;
import org.waterhole.support.TestClock;

/** Makes champions and activities for tests through the module's own services. */
@TestComponent
public class ChampionsData {

	private final ChampionService champions;

	ChampionsData(ChampionService champions) {
		this.champions = champions;
	}

	public long champion(long personId, ChampionStatus status, Set<Platform> platforms, Set<String> skills,
			boolean mentoring) {
		return champions.create(personId, TestClock.today().minusDays(100), status,
				new Champion.Profile(platforms, skills, "I can help.", mentoring));
	}

	/** Active since {@code since}. */
	public long champion(long personId, LocalDate since) {
		return champions.create(personId, since, ChampionStatus.ACTIVE,
				new Champion.Profile(Set.of(Platform.LINKEDIN), Set.of("video"), "I can help.", false));
	}

	/** Changes the status as the strategist does on the edit form (today). */
	public void changeStatus(long championId, ChampionStatus status) {
		ChampionForm form = champions.form(championId);
		form.setStatus(status);
		champions.update(championId, form);
	}

	public long champion(long personId) {
		return champion(personId, ChampionStatus.ACTIVE, Set.of(Platform.LINKEDIN), Set.of("video"), false);
	}

	public void activity(long championId, LocalDate on, long recordedBy) {
		ActivityForm form = new ActivityForm();
		form.setOccurredOn(on);
		form.setKind(ActivityKind.TRAINING);
		form.setDescription("Ran a session");
		champions.logActivity(championId, form, recordedBy);
	}

}
