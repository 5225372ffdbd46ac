package org.waterhole.shared.security;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.PrincipalNameIndexResolver;
import org.springframework.session.Session;

/**
 * Sessions in this instance's memory ({@code waterhole.session-store=memory}): for a single
 * instance only, and to compare with the sessions in PostgreSQL in a benchmark. They are found
 * by their user's name by going through them all, which is fine for the few a benchmark makes.
 */
final class MemorySessions extends MapSessionRepository
		implements FindByIndexNameSessionRepository<MapSession>, SessionCleanup {

	private final Map<String, Session> sessions;

	private final PrincipalNameIndexResolver<Session> principals = new PrincipalNameIndexResolver<>();

	MemorySessions() {
		this(new ConcurrentHashMap<>());
	}

	private MemorySessions(Map<String, Session> sessions) {
		super(sessions);
		this.sessions = sessions;
	}

	@Override
	public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		if (!PRINCIPAL_NAME_INDEX_NAME.equals(indexName)) {
			return Map.of();
		}
		return sessions.values()
			.stream()
			.filter(session -> indexValue.equals(principals.resolveIndexValueFor(session)))
			.map(session -> findById(session.getId()))
			.filter(Objects::nonNull)
			.collect(Collectors.toMap(MapSession::getId, session -> session));
	}

	@Override
	public void deleteExpired() {
		sessions.values().removeIf(Session::isExpired);
	}

}
