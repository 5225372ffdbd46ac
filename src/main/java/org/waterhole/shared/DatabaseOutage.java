package org.waterhole.shared;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure that comes from an unreachable database (stopped, restarting, the network gone,
 * a connection cut in the middle of a transaction) from any other: the pages answer it with the
 * 503 page and the scheduled jobs wait for their next turn.
 */
public final class DatabaseOutage {

	private DatabaseOutage() {
	}

	/**
	 * Whether {@code ex}, or what caused it, says the database can't be reached, or that no
	 * connection could be had in time (which a busy pool says too).
	 */
	public static boolean causedBy(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof SQLTransientConnectionException || unreachable(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether {@code ex}, or what caused it, says the database itself can't be reached: not merely
	 * that the pool had no connection free in time (HikariCP then gives no cause and no state,
	 * whereas a pool that can't connect passes on the last connection failure).
	 */
	public static boolean isUnreachable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (unreachable(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * SQL state class 08: connection exception; 57P01-57P03: the server is shutting down or
	 * starting. HikariCP says "Connection is closed", without a state, when a transaction is rolled
	 * back on a connection the database cut (the rollback's error hides the first one).
	 */
	private static boolean unreachable(Throwable cause) {
		if (cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException) {
			return true;
		}
		return cause instanceof SQLException sql && ((sql.getSQLState() != null
				&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")))
				|| (sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())));
	}

}
