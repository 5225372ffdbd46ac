package org.waterhole.organization;

/**
 * Someone who gets the weekly digest e-mail: their account, name, email address, role and
 * department ({@code null} for none).
 */
public record DigestRecipient(long accountId, String name, String email, Role role, Long departmentId) {
}
