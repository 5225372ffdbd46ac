package org.waterhole.organization;

/** A line of the people list, with the person's department and account role if any. */
public interface PersonRow {

	Long getId();

	String getName();

	String getEmail();

	String getJobTitle();

	Long getDepartmentId();

	String getDepartmentName();

	Long getAccountId();

	Role getRole();

}
