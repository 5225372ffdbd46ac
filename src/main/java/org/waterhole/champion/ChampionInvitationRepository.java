package org.waterhole.champion;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ChampionInvitationRepository extends JpaRepository<ChampionInvitation, Long> {

	boolean existsByPersonIdAndStatus(long personId, InvitationStatus status);

	Optional<ChampionInvitation> findFirstByPersonIdAndStatus(long personId, InvitationStatus status);

	List<ChampionInvitation> findByPersonIdOrderByCreatedAtDescIdDesc(long personId);

	List<ChampionInvitation> findByStatusOrderByCreatedAtAscIdAsc(InvitationStatus status);

	/** The latest answered (or withdrawn) invitations: see {@link ChampionInvitations#ANSWERED_SHOWN}. */
	List<ChampionInvitation> findTop20ByStatusNotOrderByAnsweredAtDescIdDesc(InvitationStatus status);

	/** The invitation, locked until the transaction ends: of two answers to it, the second sees the first. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from ChampionInvitation i where i.id = :id")
	Optional<ChampionInvitation> findForUpdate(long id);

}
