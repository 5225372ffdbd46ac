package org.waterhole.organization;

/** Who a person is, for other modules: name, email and department ({@code null} for none). */
public record PersonSummary(long id, String name, String email, Long departmentId) {
}
