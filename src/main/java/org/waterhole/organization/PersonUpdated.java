package org.waterhole.organization;

/**
 * A person's name, email or department changed (on their page or by a CSV import). Modules that
 * keep a copy of these, to search and filter by them, listen to it; it is published inside the
 * changing transaction, so copies change with the original or not at all.
 *
 * @param departmentId the department now, {@code null} for none
 */
public record PersonUpdated(long personId, String name, String email, Long departmentId) {
}
