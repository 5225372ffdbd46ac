package org.waterhole.organization;

/** The signed-in user's weekly digest setting: whether they want the e-mail. */
public class DigestSettingForm {

	private boolean weeklyDigest;

	public boolean isWeeklyDigest() {
		return weeklyDigest;
	}

	public void setWeeklyDigest(boolean weeklyDigest) {
		this.weeklyDigest = weeklyDigest;
	}

}
