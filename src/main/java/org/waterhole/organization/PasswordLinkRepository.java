package org.waterhole.organization;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PasswordLinkRepository extends JpaRepository<PasswordLink, Long> {

	Optional<PasswordLink> findByTokenHash(String tokenHash);

	/** The link, locked so that two uses of it at once can't both set a password. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select l from PasswordLink l where l.tokenHash = :tokenHash")
	Optional<PasswordLink> lockByTokenHash(String tokenHash);

	@Modifying(flushAutomatically = true)
	@Query("""
			update PasswordLink l set l.voidedAt = :at
			where l.accountId = :accountId and l.usedAt is null and l.voidedAt is null
			""")
	int voidOpen(long accountId, Instant at);

	@Modifying(flushAutomatically = true)
	@Query("""
			update PasswordLink l set l.voidedAt = :at
			where l.accountId = :accountId and l.purpose = :purpose and l.usedAt is null and l.voidedAt is null
			""")
	int voidOpen(long accountId, LinkPurpose purpose, Instant at);

}
