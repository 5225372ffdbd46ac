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

}
