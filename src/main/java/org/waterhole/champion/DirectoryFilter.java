package org.waterhole.champion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.waterhole.shared.Platform;
import org.waterhole.shared.Tags;

/**
 * The directory's search and filters, as the URL carries them. Without a status the directory
 * shows active champions; {@code status=} (empty) shows every status. {@code anyPlatform} and
 * {@code anySkill} (each may be given several times) find champions on any of those platforms
 * or with any of those skills: those who could help with a case study about them.
 */
public class DirectoryFilter {

	/** At most this many skills to match any of (a case study's tags). */
	static final int MAX_ANY = 20;

	private String q;

	private Long department;

	private Platform platform;

	private String skill;

	private Boolean mentoring;

	private String status;

	private List<String> anyPlatform = new ArrayList<>();

	private List<String> anySkill = new ArrayList<>();

	/** The platforms to match any of (with the skills to match any of) that exist. */
	public List<Platform> anyPlatforms() {
		return anyPlatform.stream()
			.filter(Objects::nonNull)
			.flatMap(name -> Arrays.stream(Platform.values()).filter(p -> p.name().equals(name)))
			.distinct()
			.toList();
	}

	/** The skills to match any of (with the platforms to match any of), normalised. */
	public List<String> anySkills() {
		return anySkill.stream()
			.filter(Objects::nonNull)
			.map(Tags::normalize)
			.filter(skill -> !skill.isEmpty())
			.distinct()
			.limit(MAX_ANY)
			.toList();
	}

	/** Whether the directory shows those on any of some platforms or with any of some skills. */
	public boolean matchesAny() {
		return !anyPlatforms().isEmpty() || !anySkills().isEmpty();
	}

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
				|| mentoring != null || matchesAny() || (status != null && !status.equals(ChampionStatus.ACTIVE.name()));
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

	public List<String> getAnyPlatform() {
		return anyPlatform;
	}

	public void setAnyPlatform(List<String> anyPlatform) {
		this.anyPlatform = anyPlatform == null ? new ArrayList<>() : anyPlatform;
	}

	public List<String> getAnySkill() {
		return anySkill;
	}

	public void setAnySkill(List<String> anySkill) {
		this.anySkill = anySkill == null ? new ArrayList<>() : anySkill;
	}

	public String getStatus() {
		return status;
	}

	/** Kept as given, so that "any status" (an empty value) differs from "not given". */
	public void setStatus(String status) {
		this.status = status == null ? "" : status;
	}

}
