package org.waterhole.champion;

import java.time.LocalDate;

/** Someone became an active champion (new, or back from a pause). */
public record ChampionJoined(long championId, long personId, Long departmentId, String name, LocalDate on) {
}
