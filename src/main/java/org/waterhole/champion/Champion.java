package org.waterhole.champion;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import org.waterhole.shared.EditableEntity;
import org.waterhole.shared.Platform;

/**
 * A colleague who carries the message: one record per person. Keeps a copy of the person's
 * name, email and department for the directory (kept current by {@code PersonUpdated}, see
 * {@link ChampionService}).
 */
@Entity
@Audited
class Champion extends EditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "champion_seq")
	@SequenceGenerator(name = "champion_seq", allocationSize = 50)
	private Long id;

	private Long personId;

	/*
	 * The copy of the person is kept by one SQL update when the person changes, which the history
	 * doesn't see: the person's own history shows those changes.
	 */
	@NotAudited
	private String personName;

	@NotAudited
	private String personEmail;

	@NotAudited
	private Long departmentId;

	private LocalDate since;

	@Enumerated(EnumType.STRING)
	private ChampionStatus status = ChampionStatus.ACTIVE;

	private String pitch;

	private boolean openToMentoring;

	@ElementCollection
	@CollectionTable(name = "champion_platform", joinColumns = @JoinColumn(name = "champion_id"))
	@Column(name = "platform")
	@Enumerated(EnumType.STRING)
	private Set<Platform> platforms = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "champion_skill", joinColumns = @JoinColumn(name = "champion_id"))
	@Column(name = "skill")
	private Set<String> skills = new LinkedHashSet<>();

	protected Champion() {
	}

	Champion(Person person, LocalDate since) {
		this.personId = person.id();
		this.personName = person.name();
		this.personEmail = person.email();
		this.departmentId = person.departmentId();
		this.since = since;
	}

	void describe(Profile profile) {
		this.pitch = profile.pitch();
		this.openToMentoring = profile.openToMentoring();
		this.platforms.retainAll(profile.platforms());
		this.platforms.addAll(profile.platforms());
		this.skills.retainAll(profile.skills());
		this.skills.addAll(profile.skills());
	}

	/** @return whether the champion was active before */
	boolean changeStatus(ChampionStatus status, LocalDate since) {
		boolean wasActive = this.status == ChampionStatus.ACTIVE;
		this.status = status;
		this.since = since;
		return wasActive;
	}

	/**
	 * The person was erased: the profile ends as leaving does (alumni, since kept), without their
	 * name, email or what they wrote about themself.
	 * @return whether the champion was active before
	 */
	boolean erase(String formerName) {
		boolean wasActive = changeStatus(ChampionStatus.ALUMNI, since);
		this.personName = formerName;
		this.personEmail = null;
		this.pitch = null;
		this.openToMentoring = false;
		return wasActive;
	}

	Long getId() {
		return id;
	}

	Long getPersonId() {
		return personId;
	}

	String getPersonName() {
		return personName;
	}

	String getPersonEmail() {
		return personEmail;
	}

	Long getDepartmentId() {
		return departmentId;
	}

	LocalDate getSince() {
		return since;
	}

	ChampionStatus getStatus() {
		return status;
	}

	String getPitch() {
		return pitch;
	}

	boolean isOpenToMentoring() {
		return openToMentoring;
	}

	Set<Platform> getPlatforms() {
		return platforms;
	}

	Set<String> getSkills() {
		return skills;
	}

	/** Who the champion is, as the organisation knows them. */
	record Person(long id, String name, String email, Long departmentId) {
	}

	/** What a champion says about themself. */
	record Profile(Set<Platform> platforms, Set<String> skills, String pitch, boolean openToMentoring) {
	}

}
