package org.waterhole.organization;

import java.time.Instant;

/** A department as a choice in a form or filter. */
public interface DepartmentOption {

	Long getId();

	String getName();

	/** When the department was put on record. */
	Instant getCreatedAt();

}
