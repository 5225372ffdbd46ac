package org.waterhole.shared;

/**
 * The social media platforms Waterhole speaks of: case studies are about them, experiments run
 * on them, champions are active on them.
 */
public enum Platform implements Labelled {

	LINKEDIN, INSTAGRAM, FACEBOOK, X, YOUTUBE, TIKTOK, THREADS, BLUESKY, MASTODON, WHATSAPP;

	/** Key of the platform's name in {@code messages.properties}. */
	@Override
	public String messageKey() {
		return "platform." + name();
	}

}
