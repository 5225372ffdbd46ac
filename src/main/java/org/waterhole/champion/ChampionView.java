package org.waterhole.champion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.waterhole.shared.Platform;

/** A champion as the profile page shows them. */
public record ChampionView(long id, long personId, String name, String email, Long departmentId, LocalDate since,
		ChampionStatus status, String pitch, boolean openToMentoring, List<Platform> platforms, List<String> skills,
		Instant updatedAt) {
}
