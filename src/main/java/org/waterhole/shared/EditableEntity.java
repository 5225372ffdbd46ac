package org.waterhole.shared;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

/**
 * What every record that users edit carries: a version for optimistic locking (a stale edit is
 * refused, see {@link StaleEditException}) and when it was created and last changed. Tables
 * have the columns {@code version}, {@code created_at} and {@code updated_at}, the times from the
 * application's clock.
 */
@MappedSuperclass
@EntityListeners(AuditingEntityListener.class)
public abstract class EditableEntity {

	@Version
	private long version;

	@CreatedDate
	@Column(updatable = false)
	private Instant createdAt;

	@LastModifiedDate
	private Instant updatedAt;

	public long getVersion() {
		return version;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

}
