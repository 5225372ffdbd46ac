package org.waterhole.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PersonRepository extends JpaRepository<Person, Long> {

	@Query(value = """
			select p.id as id, p.name as name, p.email as email, p.jobTitle as jobTitle,
			       d.id as departmentId, d.name as departmentName, a.id as accountId, a.role as role
			from Person p left join p.department d left join Account a on a.person = p
			where p.erasedAt is null
			  and (lower(p.name) like :pattern escape '\\' or p.email like :pattern escape '\\')
			  and (:departmentId is null or d.id = :departmentId)
			""", countQuery = """
			select count(p) from Person p
			where p.erasedAt is null
			  and (lower(p.name) like :pattern escape '\\' or p.email like :pattern escape '\\')
			  and (:departmentId is null or p.department.id = :departmentId)
			""")
	Page<PersonRow> findRows(String pattern, Long departmentId, Pageable pageable);

	Optional<Person> findByEmail(String email);

	/** The person with this email, locked until the transaction ends: a strategist's save of them waits for it. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Person p where p.email = :email")
	Optional<Person> findByEmailForUpdate(String email);

	@Query("select p.id from Person p where p.department.id = :departmentId and p.erasedAt is null")
	List<Long> findIdsInDepartment(long departmentId);

	/** The person, share-locked until the transaction ends: a change to them waits for it. */
	@Lock(LockModeType.PESSIMISTIC_READ)
	@Query("select p from Person p where p.id = :id")
	Optional<Person> findForShare(long id);

	/** The person, locked until the transaction ends: one erasure at a time, and no edit meanwhile. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Person p where p.id = :id")
	Optional<Person> findForUpdate(long id);

	/**
	 * The people with these emails, locked until the transaction ends, in id order so that two imports
	 * don't deadlock: a strategist's save of one of them waits for it.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Person p where p.email in :emails order by p.id")
	List<Person> findByEmailInForUpdate(Collection<String> emails);

	@Query("""
			select p.id as id, p.name as name, p.email as email from Person p
			where not exists (select a from Account a where a.person = p) and p.erasedAt is null
			  and (lower(p.name) like :pattern escape '\\' or p.email like :pattern escape '\\')
			order by p.name, p.id
			""")
	List<PersonOption> findWithoutAccount(String pattern, Pageable pageable);

	@Query("select p.id as id, p.name as name, p.email as email from Person p where p.id = :id")
	Optional<PersonOption> findOption(long id);

}
