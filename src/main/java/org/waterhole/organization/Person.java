package org.waterhole.organization;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.envers.Audited;

import org.waterhole.shared.EditableEntity;

/** Someone who works in the organisation, usually in one department. */
@Entity
@Audited
class Person extends EditableEntity {

	/** The name of every erased person: a fixed label, shown wherever a name is. */
	static final String FORMER_MEMBER = PersonErased.FORMER_MEMBER;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
	@SequenceGenerator(name = "person_seq", allocationSize = 50)
	private Long id;

	private String name;

	/** Always lower case: two people can't share an address whatever its case. */
	private String email;

	private String jobTitle;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "department_id")
	private Department department;

	/** When the strategist erased the person ({@code null}: a current member). */
	private Instant erasedAt;

	/**
	 * Whether the person chose that their name is never connected to what they read: their own
	 * setting, changed on their account page, never by an edit of the person.
	 */
	private boolean readingsUnnamed;

	protected Person() {
	}

	Person(String name, String email, String jobTitle, Department department) {
		update(name, email, jobTitle, department);
	}

	/** @return whether anything changed */
	boolean update(String name, String email, String jobTitle, Department department) {
		String normalizedEmail = normalizeEmail(email);
		boolean changed = !Objects.equals(this.name, name) || !Objects.equals(this.email, normalizedEmail)
				|| !Objects.equals(this.jobTitle, jobTitle) || !Objects.equals(departmentId(), idOf(department));
		this.name = name;
		this.email = normalizedEmail;
		this.jobTitle = jobTitle;
		this.department = department;
		return changed;
	}

	/** Whether the change touches what a signed-in user carries: name, email or department. */
	boolean changesSignIn(String name, String email, Department department) {
		return !Objects.equals(this.name, name) || !Objects.equals(this.email, normalizeEmail(email))
				|| !Objects.equals(departmentId(), idOf(department));
	}

	/**
	 * Makes the person a former member: the fixed name, no email or job title. They stay in their
	 * department, so that what was counted there stays as it was.
	 */
	void erase(Instant at) {
		this.name = FORMER_MEMBER;
		this.email = null;
		this.jobTitle = null;
		this.erasedAt = at;
	}

	boolean isErased() {
		return erasedAt != null;
	}

	/** @return whether the choice changed */
	boolean chooseReadingsUnnamed(boolean unnamed) {
		boolean changed = readingsUnnamed != unnamed;
		readingsUnnamed = unnamed;
		return changed;
	}

	PersonUpdated updated() {
		return new PersonUpdated(id, name, email, departmentId());
	}

	static String normalizeEmail(String email) {
		return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
	}

	private Long departmentId() {
		return idOf(department);
	}

	private static Long idOf(Department department) {
		return department == null ? null : department.getId();
	}

	Long getId() {
		return id;
	}

	String getName() {
		return name;
	}

	String getEmail() {
		return email;
	}

	String getJobTitle() {
		return jobTitle;
	}

	Department getDepartment() {
		return department;
	}

	boolean isReadingsUnnamed() {
		return readingsUnnamed;
	}

}
