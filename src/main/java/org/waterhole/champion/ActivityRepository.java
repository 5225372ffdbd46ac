package org.waterhole.champion;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ActivityRepository extends JpaRepository<Activity, Long> {

	Optional<Activity> findByIdAndChampionId(long id, long championId);

}
