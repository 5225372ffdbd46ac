package org.waterhole.champion;

/** Whether a champion carries the message now (active), takes a break (paused) or did (alumni). */
public enum ChampionStatus {

	ACTIVE, PAUSED, ALUMNI;

	public String messageKey() {
		return "champion.status." + name();
	}

}
