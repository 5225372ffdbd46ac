package org.waterhole.organization;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import org.waterhole.shared.EditableEntity;

/** A person who can sign in: their password hash, their one role, and whether they may. */
@Entity
@Audited
class Account extends EditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
	@SequenceGenerator(name = "account_seq", allocationSize = 50)
	private Long id;

	@OneToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "person_id")
	private Person person;

	/** Never in the history: a hash there would outlive every change of the password. */
	@NotAudited
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	/**
	 * The least role the strategist gave by hand: signing in with groups that give less never
	 * takes the account below it (unless the provider is authoritative). {@code null} for an
	 * account made at its holder's first sign-in with the institution's identity.
	 */
	@Enumerated(EnumType.STRING)
	private Role handRole;

	private boolean enabled;

	/** Kept by one update at each sign-in, not a change anyone makes to the account. */
	@NotAudited
	private Instant lastLoginAt;

	/**
	 * Whether the account's holder wants the weekly digest e-mail: their own setting, changed by one
	 * update on their settings page, never written by a save of the account (which would put back
	 * the value it read).
	 */
	@NotAudited
	@Column(insertable = false, updatable = false)
	private boolean weeklyDigest = true;

	protected Account() {
	}

	/** An account the strategist makes, with the role they give it by hand. */
	Account(Person person, String passwordHash, Role role) {
		this.person = person;
		this.passwordHash = passwordHash;
		this.role = role;
		this.handRole = role;
		this.enabled = true;
	}

	/** The account of someone signing in with the institution's identity for the first time: staff, no password. */
	static Account firstSignIn(Person person) {
		Account account = new Account(person, null, Role.STAFF);
		account.handRole = null;
		return account;
	}

	/** The strategist changes role and whether the account may sign in: the role saved is one given by hand. */
	void changeRole(Role role, boolean enabled) {
		this.handRole = role;
		this.role = role;
		this.enabled = enabled;
	}

	/** The role that the holder's groups give at sign-in, never below the one given by hand unless told. */
	void changeRoleFromGroups(Role role) {
		this.role = role;
	}

	Long getId() {
		return id;
	}

	Person getPerson() {
		return person;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	Role getRole() {
		return role;
	}

	Role getHandRole() {
		return handRole;
	}

	boolean isEnabled() {
		return enabled;
	}

	Instant getLastLoginAt() {
		return lastLoginAt;
	}

	boolean isWeeklyDigest() {
		return weeklyDigest;
	}

}
