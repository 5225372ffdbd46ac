package org.waterhole.organization;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A department as a choice in a form or filter, with what the playbook reads of every department
 * (when it was put on record, its own check-in interval, its headcount). A plain class rather than an interface
 * projection: most pages read every department's name, and a projection's proxy made each read
 * cost a chain of interceptors.
 */
public final class DepartmentOption {

	private final Long id;

	private final String name;

	private final Instant createdAt;

	private final Integer checkInDays;

	private final Integer headcount;

	public DepartmentOption(Long id, String name, Instant createdAt, Integer checkInDays) {
		this(id, name, createdAt, checkInDays, null);
	}

	public DepartmentOption(Long id, String name, Instant createdAt, Integer checkInDays, Integer headcount) {
		this.id = id;
		this.name = name;
		this.createdAt = createdAt;
		this.checkInDays = checkInDays;
		this.headcount = headcount;
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	/** The departments' names by id. */
	public static Map<Long, String> namesById(List<DepartmentOption> options) {
		Map<Long, String> names = new HashMap<>();
		options.forEach(option -> names.put(option.id, option.name));
		return names;
	}

	/** When the department was put on record. */
	public Instant getCreatedAt() {
		return createdAt;
	}

	/** Its staff as its record gives them (the playbook's reach counts over it), {@code null}: not given. */
	public Integer getHeadcount() {
		return headcount;
	}

	/** Its own days between check-ins, {@code null}: the playbook's interval by stage. */
	public Integer getCheckInDays() {
		return checkInDays;
	}

}
