package org.waterhole.shared;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * What every record that users edit carries: a version for optimistic locking (a stale edit is
 * refused, see {@link StaleEditException}) and when it was created and last changed. Tables
 * have the columns {@code version}, {@code created_at} and {@code updated_at}.
 */
@MappedSuperclass
public abstract class EditableEntity {

	@Version
	private long version;

	@CreationTimestamp
	@Column(updatable = false)
	private Instant createdAt;

	@UpdateTimestamp
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
