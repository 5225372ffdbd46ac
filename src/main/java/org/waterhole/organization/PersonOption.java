package org.waterhole.organization;

/** A person as a choice in a form. */
public interface PersonOption {

	Long getId();

	String getName();

	String getEmail();

}
