package org.waterhole.organization;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What the strategist types to create or edit a person. The CSV import checks each row with the
 * same rules.
 */
public class PersonForm {

	@NotBlank
	@Size(max = 200)
	private String name;

	@NotBlank
	@Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
	@Size(max = 254)
	private String email;

	@Size(max = 200)
	private String jobTitle;

	private Long departmentId;

	private Long version;

	public PersonForm() {
	}

	PersonForm(String name, String email, String jobTitle, Long departmentId) {
		this.name = name;
		this.email = email;
		this.jobTitle = jobTitle;
		this.departmentId = departmentId;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getJobTitle() {
		return jobTitle;
	}

	public void setJobTitle(String jobTitle) {
		this.jobTitle = jobTitle;
	}

	public Long getDepartmentId() {
		return departmentId;
	}

	public void setDepartmentId(Long departmentId) {
		this.departmentId = departmentId;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
