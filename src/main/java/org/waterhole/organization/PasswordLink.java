package org.waterhole.organization;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.waterhole.shared.Texts;

/**
 * A link e-mailed to someone to set their account's password: an invitation or a reset. Only
 * the SHA-256 hash of its token is kept ({@link PasswordLinks}). It works once, until it expires,
 * and not after it was voided (the account's password changed, or a newer link replaced it).
 */
@Entity
class PasswordLink {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "password_link_seq")
	@SequenceGenerator(name = "password_link_seq", allocationSize = 50)
	private Long id;

	private Long accountId;

	@Enumerated(EnumType.STRING)
	private LinkPurpose purpose;

	private String tokenHash;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant usedAt;

	private Instant voidedAt;

	private Instant sentAt;

	private String sendFailure;

	protected PasswordLink() {
	}

	PasswordLink(long accountId, LinkPurpose purpose, String tokenHash, Instant now) {
		this.accountId = accountId;
		this.purpose = purpose;
		this.tokenHash = tokenHash;
		this.createdAt = now;
		this.expiresAt = now.plus(purpose.lifetime());
	}

	/** Whether the link still sets a password at {@code now}. */
	boolean isOpen(Instant now) {
		return usedAt == null && voidedAt == null && now.isBefore(expiresAt);
	}

	void use(Instant now) {
		this.usedAt = now;
	}

	void sent(Instant now) {
		this.sentAt = now;
		this.sendFailure = null;
	}

	void notSent(String failure) {
		this.sendFailure = Texts.cut(failure, 300);
	}

	Long getId() {
		return id;
	}

	Long getAccountId() {
		return accountId;
	}

	Instant getExpiresAt() {
		return expiresAt;
	}

}
