package org.waterhole.organization;

import java.time.Instant;

/** A department as its page shows it. */
public record DepartmentDetails(long id, String name, String code, String description, Integer headcount, Integer checkInDays,
		long peopleCount, long version, Instant createdAt, Instant updatedAt) {
}
