package org.waterhole.shared.history;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * One change to audited records, made in one transaction: when, and by whom. Changes made
 * without a signed-in user (the demo data, the first strategist, listeners of events) have no
 * author, and the history says the system made them.
 */
@Entity
@Table(name = "revision")
@RevisionEntity(RevisionAuthorListener.class)
class Revision {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "revision_seq")
	@SequenceGenerator(name = "revision_seq", allocationSize = 1)
	@RevisionNumber
	private long id;

	@RevisionTimestamp
	private Instant changedAt;

	private String authorEmail;

	private String authorName;

	long getId() {
		return id;
	}

	Instant getChangedAt() {
		return changedAt;
	}

	String getAuthorEmail() {
		return authorEmail;
	}

	String getAuthorName() {
		return authorName;
	}

	void setAuthor(String name, String email) {
		this.authorName = name;
		this.authorEmail = email;
	}

}
