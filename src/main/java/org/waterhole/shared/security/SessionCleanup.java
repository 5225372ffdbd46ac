package org.waterhole.shared.security;

/** Deletes the sessions whose time is up, from whichever store keeps them ({@code SessionStore}). */
public interface SessionCleanup {

	void deleteExpired();

}
