package org.waterhole.experiment;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ExperimentRepository extends JpaRepository<Experiment, Long> {

	/**
	 * The experiment, locked until the transaction ends: a change to its run (a transition, a
	 * measurement, corrected dates) waits for any other, so that their checks see each other.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select e from Experiment e where e.id = :id")
	Optional<Experiment> findForUpdate(long id);

	/** Marks the experiment as changed (its measurements changed) without a new version. */
	@Modifying(flushAutomatically = true)
	@Query("update Experiment e set e.updatedAt = :at where e.id = :id")
	void touch(long id, Instant at);

}
