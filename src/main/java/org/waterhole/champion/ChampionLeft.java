package org.waterhole.champion;

import java.time.LocalDate;

/** An active champion paused or became alumni: one fewer carrying the message in their department. */
public record ChampionLeft(long championId, long personId, Long departmentId, String name, ChampionStatus now,
		LocalDate on, long sequence) {
}
