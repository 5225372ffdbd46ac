package org.waterhole.organization;

import java.time.Duration;

/** What a link to set a password is for, and how long it works. */
enum LinkPurpose {

	/** The strategist invites someone to their (new) account. */
	INVITATION(Duration.ofDays(7)),

	/** Someone who forgot their password asked for a new one on the sign-in page. */
	RESET(Duration.ofHours(1));

	private final Duration lifetime;

	LinkPurpose(Duration lifetime) {
		this.lifetime = lifetime;
	}

	Duration lifetime() {
		return lifetime;
	}

}
