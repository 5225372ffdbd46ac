package org.waterhole.champion;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ActivityRepository extends JpaRepository<Activity, Long> {

	/**
	 * Deletes the activity of the champion in one statement, only if {@code recordedBy} logged it
	 * unless {@code anyone}; two overlapping deletes don't fail, the second finds nothing.
	 *
	 * @return how many rows went: 0 when it was gone already (or someone else logged it)
	 */
	@Modifying
	@Query("""
			delete from Activity a
			where a.id = :id and a.championId = :championId and (:anyone = true or a.recordedBy = :recordedBy)
			""")
	int delete(long id, long championId, boolean anyone, long recordedBy);

	/** Who logged the activity, if the champion has it. */
	@Query("select a.recordedBy from Activity a where a.id = :id and a.championId = :championId")
	Optional<Long> findRecordedBy(long id, long championId);

}
