package org.waterhole.champion;

/** Where a volunteer's request is: waiting for the strategist, accepted or declined. */
public enum RequestStatus {

	PENDING, ACCEPTED, DECLINED;

	public String messageKey() {
		return "volunteer.status." + name();
	}

}
