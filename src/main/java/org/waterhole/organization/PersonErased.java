package org.waterhole.organization;

import java.time.Instant;

/**
 * The strategist erased a person: their account is gone and the person is a former member with
 * no name, email or job title. Modules that hold something about the person fold it into counts
 * or end it (a champion profile), keeping their department's figures as they were.
 *
 * @param departmentId the department the person was in, {@code null} for none
 */
public record PersonErased(long personId, Long departmentId, Instant erasedAt) {
}
