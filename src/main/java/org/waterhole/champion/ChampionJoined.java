package org.waterhole.champion;

import java.time.LocalDate;

/**
 * Someone became an active champion (new, or back from a pause). Like every champion event it
 * carries the champion's {@code sequence} (its version after the change), which grows with each
 * change, so that a listener can tell the latest state from a late or repeated delivery.
 */
public record ChampionJoined(long championId, long personId, Long departmentId, String name, LocalDate on,
		long sequence) {
}
