package org.waterhole.champion;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChampionRepository extends JpaRepository<Champion, Long> {

	/** The id alone: the directory asks on every visit, and loading the champion would cost more. */
	@Query("select c.id from Champion c where c.personId = :personId")
	Optional<Long> findIdByPersonId(long personId);

	boolean existsByPersonId(long personId);

}
