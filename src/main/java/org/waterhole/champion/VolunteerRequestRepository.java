package org.waterhole.champion;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface VolunteerRequestRepository extends JpaRepository<VolunteerRequest, Long> {

	boolean existsByPersonIdAndStatus(long personId, RequestStatus status);

	Optional<VolunteerRequest> findByPersonIdAndStatus(long personId, RequestStatus status);

	List<VolunteerRequest> findByPersonIdOrderByCreatedAtDescIdDesc(long personId);

	/**
	 * The request, locked until the transaction ends: of two decisions on it (accept in one tab,
	 * decline in another), the second waits and then sees the first.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from VolunteerRequest r where r.id = :id")
	Optional<VolunteerRequest> findForUpdate(long id);

}
