package org.waterhole.champion;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChampionRepository extends JpaRepository<Champion, Long> {

	Optional<Champion> findByPersonId(long personId);

	boolean existsByPersonId(long personId);

}
