package org.waterhole.champion;

import java.time.LocalDate;

/**
 * An active champion moved to another department (or to none) with their person: one fewer
 * carrying the message in {@code fromDepartmentId}, one more in {@code toDepartmentId}.
 */
public record ChampionMoved(long championId, long personId, Long fromDepartmentId, Long toDepartmentId, String name,
		LocalDate on, long sequence) {
}
