package org.waterhole.shared.security;

import java.util.Collection;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	/** Every session signed in as one of the names (any case), with its attributes (cascaded). */
	private static final String DELETE_SESSIONS = """
			delete from spring_session where lower(principal_name) = any(:names)
			""";

	private final SessionRegistry registry;

	private final JdbcClient jdbc;

	SignedInSessions(SessionRegistry registry, JdbcClient jdbc) {
		this.registry = registry;
		this.jdbc = jdbc;
	}

	/**
	 * Deletes every session of the users signed in as {@code usernames}, in the caller's
	 * transaction: unlike an ended session, which keeps its row until it times out, nothing of
	 * them is left.
	 */
	public void delete(Collection<String> usernames) {
		jdbc.sql(DELETE_SESSIONS)
			.param("names", usernames.stream().map(name -> name.toLowerCase(Locale.ROOT)).toArray(String[]::new))
			.update();
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
