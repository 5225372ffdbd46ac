package org.waterhole.shared.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.Filter;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Spring Session's sessions in PostgreSQL, written only when something in them changed: an
 * attribute set or removed (signing in or out, a CSRF token made, a message for the next page),
 * the id changed, the timeout changed, or the kept time of the last request is more than
 * {@code lastAccessPrecision} old. Any other request only reads its session, in one statement
 * outside a transaction ({@code sessions} is given no transaction of its own); what a save
 * writes, possibly several statements, is one transaction of {@code writes}.
 * <p>
 * Within a request (the {@link #readOncePerRequest} filter, around Spring Session's), a session
 * is read once: Spring Security's check for sessions ended by an account change reads the
 * request's session again through the session registry, and Spring Session reads it once more
 * when it saves it a second time (the response was sent before the request ended); both get the
 * session as the request already has it.
 */
final class JdbcSessions implements FindByIndexNameSessionRepository<JdbcSessions.KeptSession>, SessionCleanup {

	private final JdbcIndexedSessionRepository repository;

	/** The same repository, typed for the sessions it made (its session class is not public). */
	private final FindByIndexNameSessionRepository<Session> sessions;

	private final TransactionOperations writes;

	private final Duration lastAccessPrecision;

	/** The sessions read by the current request, by id. */
	private final ThreadLocal<Map<String, KeptSession>> readInRequest = new ThreadLocal<>();

	@SuppressWarnings("unchecked")
	JdbcSessions(JdbcIndexedSessionRepository repository, TransactionOperations writes, Duration lastAccessPrecision) {
		this.repository = repository;
		this.sessions = (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) repository;
		this.writes = writes;
		this.lastAccessPrecision = lastAccessPrecision;
	}

	@Override
	public KeptSession createSession() {
		return new KeptSession(sessions.createSession(), null);
	}

	@Override
	public void save(KeptSession session) {
		if (session.needsWriting(lastAccessPrecision)) {
			writes.executeWithoutResult(status -> sessions.save(session.session));
			session.written();
		}
	}

	@Override
	public KeptSession findById(String id) {
		Map<String, KeptSession> read = readInRequest.get();
		KeptSession known = read == null ? null : read.get(id);
		if (known != null && known.getId().equals(id) && !known.isExpired()) {
			return known;
		}
		Session session = sessions.findById(id);
		if (session == null) {
			return null;
		}
		KeptSession kept = new KeptSession(session, session.getLastAccessedTime());
		if (read != null) {
			read.put(id, kept);
		}
		return kept;
	}

	@Override
	public void deleteById(String id) {
		Map<String, KeptSession> read = readInRequest.get();
		if (read != null) {
			read.remove(id);
		}
		sessions.deleteById(id);
	}

	/**
	 * A filter to place around Spring Session's: in the requests it passes on, a session is read
	 * from the database once, and then found as read.
	 */
	Filter readOncePerRequest() {
		return (request, response, chain) -> {
			if (readInRequest.get() != null) {
				chain.doFilter(request, response);
				return;
			}
			readInRequest.set(new HashMap<>());
			try {
				chain.doFilter(request, response);
			}
			finally {
				readInRequest.remove();
			}
		};
	}

	@Override
	public Map<String, KeptSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		return sessions.findByIndexNameAndIndexValue(indexName, indexValue)
			.values()
			.stream()
			.collect(Collectors.toMap(Session::getId, session -> new KeptSession(session, session.getLastAccessedTime())));
	}

	@Override
	public void deleteExpired() {
		repository.cleanUpExpiredSessions();
	}

	/**
	 * A session as read (or made), noting whether anything but the time of the last request
	 * changed since, and that time as kept in the database ({@code null}: not written yet).
	 */
	static final class KeptSession implements Session {

		private final Session session;

		private Instant keptLastAccess;

		private boolean changed;

		KeptSession(Session session, Instant keptLastAccess) {
			this.session = session;
			this.keptLastAccess = keptLastAccess;
		}

		boolean needsWriting(Duration lastAccessPrecision) {
			return keptLastAccess == null || changed
					|| getLastAccessedTime().isAfter(keptLastAccess.plus(lastAccessPrecision));
		}

		void written() {
			keptLastAccess = getLastAccessedTime();
			changed = false;
		}

		@Override
		public String getId() {
			return session.getId();
		}

		@Override
		public String changeSessionId() {
			changed = true;
			return session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			changed |= attributeValue != null || session.getAttributeNames().contains(attributeName);
			session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			setAttribute(attributeName, null);
		}

		@Override
		public Instant getCreationTime() {
			return session.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			session.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			changed = true;
			session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return session.isExpired();
		}

	}

}
