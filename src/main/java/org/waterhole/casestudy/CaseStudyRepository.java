package org.waterhole.casestudy;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseStudyRepository extends JpaRepository<CaseStudy, Long> {

	/** With its platforms, tags and departments, for the reading page and the form. */
	@Query("""
			select distinct c from CaseStudy c
			left join fetch c.platforms left join fetch c.tags left join fetch c.departmentIds
			where c.id = :id
			""")
	Optional<CaseStudy> findWhole(long id);

}
