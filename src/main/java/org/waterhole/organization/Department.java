package org.waterhole.organization;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.envers.Audited;

import org.waterhole.shared.EditableEntity;

/** A department of the organisation: the unit whose adoption of social media Waterhole follows. */
@Entity
@Audited
class Department extends EditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "department_seq")
	@SequenceGenerator(name = "department_seq", allocationSize = 50)
	private Long id;

	private String name;

	/** Its code in the institution's directory, by which a sign-in's department is matched too. */
	private String code;

	private String description;

	private Integer headcount;

	/** Days between check-ins, {@code null}: the playbook's interval by stage. */
	private Integer checkInDays;

	protected Department() {
	}

	Department(String name, String code, String description, Integer headcount, Integer checkInDays) {
		update(name, code, description, headcount, checkInDays);
	}

	void update(String name, String code, String description, Integer headcount, Integer checkInDays) {
		this.name = name;
		this.code = code;
		this.description = description;
		this.headcount = headcount;
		this.checkInDays = checkInDays;
	}

	Long getId() {
		return id;
	}

	String getName() {
		return name;
	}

	String getCode() {
		return code;
	}

	String getDescription() {
		return description;
	}

	Integer getHeadcount() {
		return headcount;
	}

	Integer getCheckInDays() {
		return checkInDays;
	}

}
