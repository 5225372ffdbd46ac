package org.waterhole.champion;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface VolunteerRequestRepository extends JpaRepository<VolunteerRequest, Long> {

	boolean existsByPersonIdAndStatus(long personId, RequestStatus status);

	List<VolunteerRequest> findByPersonIdOrderByCreatedAtDesc(long personId);

}
