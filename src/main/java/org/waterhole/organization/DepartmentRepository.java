package org.waterhole.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DepartmentRepository extends JpaRepository<Department, Long> {

	@Query(value = """
			select d.id as id, d.name as name, d.headcount as headcount,
			       (select count(p) from Person p where p.department = d and p.erasedAt is null) as peopleCount
			from Department d
			where lower(d.name) like :pattern escape '\\'
			""", countQuery = """
			select count(d) from Department d where lower(d.name) like :pattern escape '\\'
			""")
	Page<DepartmentRow> findRows(String pattern, Pageable pageable);

	@Query("select new org.waterhole.organization.DepartmentOption(d.id, d.name, d.createdAt, d.checkInDays, d.headcount) from Department d order by lower(d.name)")
	List<DepartmentOption> findOptions();

	@Query("select d from Department d where lower(d.name) = lower(:name)")
	Optional<Department> findByNameIgnoringCase(String name);

	@Query("select d from Department d where lower(d.code) = lower(:code)")
	Optional<Department> findByCodeIgnoringCase(String code);

	/**
	 * The department's current members (former members are no longer its people), as the trigger
	 * on person keeps them in {@code department_people}.
	 */
	@Query(value = "select coalesce((select people from department_people where department_id = :departmentId), 0)",
			nativeQuery = true)
	long countPeople(long departmentId);

}
