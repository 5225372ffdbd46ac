package org.waterhole.champion;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Size;

import org.waterhole.shared.Platform;
import org.waterhole.shared.Tags;
import org.waterhole.shared.validation.TagList;

/** What a champion says about themself: the fields a volunteer's offer and a champion's record share. */
public class ProfileForm {

	private Set<Platform> platforms = new LinkedHashSet<>();

	@TagList
	@Size(max = 1000)
	private String skills;

	@Size(max = 600)
	private String pitch;

	private boolean openToMentoring;

	Champion.Profile profile() {
		return new Champion.Profile(platforms.stream().filter(Objects::nonNull).collect(Collectors.toSet()),
				Tags.parse(skills), pitch, openToMentoring);
	}

	public Set<Platform> getPlatforms() {
		return platforms;
	}

	public void setPlatforms(Set<Platform> platforms) {
		this.platforms = platforms == null ? new LinkedHashSet<>() : platforms;
	}

	public String getSkills() {
		return skills;
	}

	public void setSkills(String skills) {
		this.skills = skills;
	}

	public String getPitch() {
		return pitch;
	}

	public void setPitch(String pitch) {
		this.pitch = pitch;
	}

	public boolean isOpenToMentoring() {
		return openToMentoring;
	}

	public void setOpenToMentoring(boolean openToMentoring) {
		this.openToMentoring = openToMentoring;
	}

}
