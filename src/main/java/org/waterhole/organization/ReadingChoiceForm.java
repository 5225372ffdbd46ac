package org.waterhole.organization;

/** The signed-in user's choice whether their name is connected to what they read. */
public class ReadingChoiceForm {

	private boolean unnamed;

	public boolean isUnnamed() {
		return unnamed;
	}

	public void setUnnamed(boolean unnamed) {
		this.unnamed = unnamed;
	}

}
