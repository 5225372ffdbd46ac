package org.waterhole.champion;

import java.util.Arrays;

import org.waterhole.shared.Platform;
import org.waterhole.shared.Tags;

/**
 * The directory's search and filters, as the URL carries them. Without a status the directory
 * shows active champions; {@code status=} (empty) shows every status.
 */
public class DirectoryFilter {

	private String q;

	private Long department;

	private Platform platform;

	private String skill;

	private Boolean mentoring;

	private String status;

	/** The status asked for: active when none was given, {@code null} for any. */
	public ChampionStatus statusFilter() {
		if (status == null) {
			return ChampionStatus.ACTIVE;
		}
		return Arrays.stream(ChampionStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
	}

	public String skillFilter() {
		if (skill == null) {
			return null;
		}
		String normalized = Tags.normalize(skill);
		return normalized.isEmpty() ? null : normalized;
	}

	public boolean isNarrowed() {
		return (q != null && !q.isBlank()) || department != null || platform != null || skillFilter() != null
				|| mentoring != null || (status != null && !status.equals(ChampionStatus.ACTIVE.name()));
	}

	public String getQ() {
		return q;
	}

	public void setQ(String q) {
		this.q = q == null ? null : q.length() > 200 ? q.substring(0, 200) : q;
	}

	public Long getDepartment() {
		return department;
	}

	public void setDepartment(Long department) {
		this.department = department;
	}

	public Platform getPlatform() {
		return platform;
	}

	public void setPlatform(Platform platform) {
		this.platform = platform;
	}

	public String getSkill() {
		return skill;
	}

	public void setSkill(String skill) {
		this.skill = skill;
	}

	public Boolean getMentoring() {
		return mentoring;
	}

	public void setMentoring(Boolean mentoring) {
		this.mentoring = mentoring;
	}

	public String getStatus() {
		return status;
	}

	/** Kept as given, so that "any status" (an empty value) differs from "not given". */
	public void setStatus(String status) {
		this.status = status == null ? "" : status;
	}

}
