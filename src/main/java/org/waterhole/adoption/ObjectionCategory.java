package org.waterhole.adoption;

/** What an objection is about. */
public enum ObjectionCategory {

	TIME, RISK, SKILLS, VALUE, OTHER;

	public String messageKey() {
		return "objection." + name();
	}

}
