package org.waterhole.shared.security;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends the sessions of a user whose account changed (disabled, given another role, a new
 * password), so that nobody keeps rights they no longer have until their session times out.
 * An ended session's next request goes to the login page, on whichever instance it arrives:
 * sessions are kept in PostgreSQL, indexed by the email the user signed in with.
 */
@Component
public class SignedInSessions {

	private final SessionRegistry registry;

	SignedInSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	/** Ends every session of the user signed in as {@code username}. */
	public void end(String username) {
		endExcept(username, null);
	}

	/**
	 * Ends every session of the user but {@code keptSessionId} (the one making the change): once
	 * the transaction that changes the account has committed, if one is running (before, a new
	 * sign-in could still get the old rights), else at once.
	 */
	public void endExcept(String username, String keptSessionId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					expire(username, keptSessionId);
				}

			});
		}
		else {
			expire(username, keptSessionId);
		}
	}

	private void expire(String username, String keptSessionId) {
		for (SessionInformation session : registry.getAllSessions(username, false)) {
			if (!session.getSessionId().equals(keptSessionId)) {
				session.expireNow();
			}
		}
	}

}
