package org.waterhole.champion;

import java.time.LocalDate;
import java.util.List;

import org.waterhole.shared.Platform;

/** A champion on a directory card: enough to decide whom to ask. */
public record ChampionCard(long id, String name, Long departmentId, String departmentName, ChampionStatus status,
		boolean openToMentoring, LocalDate since, List<Platform> platforms, List<String> skills,
		long recentActivities) {

	ChampionCard named(String departmentName) {
		return new ChampionCard(id, name, departmentId, departmentName, status, openToMentoring, since, platforms,
				skills, recentActivities);
	}

}
