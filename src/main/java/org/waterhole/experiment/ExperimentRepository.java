package org.waterhole.experiment;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExperimentRepository extends JpaRepository<Experiment, Long> {

}
