package org.waterhole.organization;

import java.time.Instant;

/**
 * Someone (the strategist) opened the copy of another person's data, which names what that person
 * read. Published in the transaction that makes the copy, for the log of who looked at named
 * readers to record it at once. Reading one's own copy publishes nothing.
 *
 * @param viewerId who opened it
 * @param personId whose data it is
 * @param at when the copy was made
 */
public record PersonalDataCopied(long viewerId, long personId, Instant at) {
}
