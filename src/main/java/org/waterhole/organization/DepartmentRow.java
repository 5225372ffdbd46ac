package org.waterhole.organization;

/** A line of the department list. */
public interface DepartmentRow {

	Long getId();

	String getName();

	Integer getHeadcount();

	long getPeopleCount();

}
