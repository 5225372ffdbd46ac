package org.waterhole.organization;

/** Whose account it is. */
public record AccountHolder(long accountId, long personId, String name, String email) {
}
