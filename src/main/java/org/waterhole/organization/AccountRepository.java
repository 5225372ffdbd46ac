package org.waterhole.organization;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

	@Query("""
			select new org.waterhole.organization.SignInAccount(a.id, p.id, p.department.id, p.name, p.email,
			       a.passwordHash, a.role, a.enabled)
			from Account a join a.person p
			where p.email = :email
			""")
	Optional<SignInAccount> findSignInByEmail(String email);

	@Query(value = """
			select a.id as id, p.id as personId, p.name as name, p.email as email, d.name as departmentName,
			       a.role as role, a.enabled as enabled, a.lastLoginAt as lastLoginAt,
			       (select max(l.createdAt) from PasswordLink l
			        where l.accountId = a.id and l.purpose = org.waterhole.organization.LinkPurpose.INVITATION) as invitedAt,
			       (select max(l.sentAt) from PasswordLink l
			        where l.accountId = a.id and l.purpose = org.waterhole.organization.LinkPurpose.INVITATION)
			         as invitationSentAt
			from Account a join a.person p left join p.department d
			where (lower(p.name) like :pattern escape '\\' or p.email like :pattern escape '\\')
			  and (:role is null or a.role = :role)
			""", countQuery = """
			select count(a) from Account a join a.person p
			where (lower(p.name) like :pattern escape '\\' or p.email like :pattern escape '\\')
			  and (:role is null or a.role = :role)
			""")
	Page<AccountRow> findRows(String pattern, Role role, Pageable pageable);

	@Query("select a from Account a join fetch a.person where a.id = :id")
	Optional<Account> findWithPerson(long id);

	/** The account, locked until the transaction ends: a password reset meanwhile waits for it, or it for the reset. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.id = :id")
	Optional<Account> findForUpdate(long id);

	Optional<Account> findByPersonId(long personId);

	List<Account> findByPersonIdIn(Collection<Long> personIds);

	@Query("select a from Account a join fetch a.person p where p.email = :email")
	Optional<Account> findByEmail(String email);

	/** The enabled strategists, locked so that two changes can't both remove "the other" one. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.role = org.waterhole.organization.Role.STRATEGIST and a.enabled = true")
	List<Account> lockEnabledStrategists();

	/** The enabled accounts of {@code roles} that want the weekly digest, by name. */
	@Query("""
			select new org.waterhole.organization.DigestRecipient(a.id, p.name, p.email, a.role, p.department.id)
			from Account a join a.person p
			where a.enabled = true and a.weeklyDigest = true and a.role in :roles
			order by p.name, a.id
			""")
	List<DigestRecipient> findDigestRecipients(Collection<Role> roles);

	@Modifying
	@Query("update Account a set a.weeklyDigest = :wanted where a.id = :id")
	int changeWeeklyDigest(long id, boolean wanted);

	/**
	 * Sets the account's password, whatever else is being saved to it at the moment: it waits for
	 * a save in flight (the row's lock) rather than failing on its version, and moves the version
	 * on, so that a save that read the account before can't write the old password back.
	 */
	@Modifying
	@Query("update versioned Account a set a.passwordHash = :hash, a.updatedAt = :at where a.id = :id")
	void changePasswordHash(long id, String hash, Instant at);

	@Modifying
	@Query("update Account a set a.lastLoginAt = :at where a.id = :id")
	void recordSignIn(long id, Instant at);

	/** Records the account's first sign-in: 1 when it had never signed in, else 0 (and nothing changes). */
	@Modifying
	@Query("update Account a set a.lastLoginAt = :at where a.id = :id and a.lastLoginAt is null")
	int recordFirstSignIn(long id, Instant at);

}
