package org.waterhole.organization;

/** A department as a choice in a form or filter. */
public interface DepartmentOption {

	Long getId();

	String getName();

}
