package org.waterhole.organization;

import java.time.Instant;

/** A line of the account list. */
public interface AccountRow {

	Long getId();

	Long getPersonId();

	String getName();

	String getEmail();

	String getDepartmentName();

	Role getRole();

	boolean isEnabled();

	Instant getLastLoginAt();

	/** When the latest invitation was made; {@code null}: never invited. */
	Instant getInvitedAt();

	/** When an invitation's e-mail last went out; {@code null}: none did. */
	Instant getInvitationSentAt();

	/** Whether the latest invitation's e-mail could not be sent (yet). */
	default boolean isInvitationUnsent() {
		return getInvitedAt() != null && (getInvitationSentAt() == null || getInvitationSentAt().isBefore(getInvitedAt()));
	}

	/** Invited, enabled and not signed in yet: the invitation may be sent again. */
	default boolean isInvitationPending() {
		return getInvitedAt() != null && getLastLoginAt() == null && isEnabled();
	}

}
