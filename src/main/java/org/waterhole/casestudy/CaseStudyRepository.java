package org.waterhole.casestudy;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Case studies as entities, for writing. Their platforms, tags and departments load lazily, one
 * batch query per collection, when an edit or the reading page needs them.
 */
interface CaseStudyRepository extends JpaRepository<CaseStudy, Long> {

}
