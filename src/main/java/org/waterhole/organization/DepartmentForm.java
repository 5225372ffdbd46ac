package org.waterhole.organization;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** What the strategist types to create or edit a department. */
public class DepartmentForm {

	@NotBlank
	@Size(max = 120)
	private String name;

	/** The department's code in the institution's directory; optional. */
	@Size(max = 40)
	private String code;

	@Size(max = 2000)
	private String description;

	@PositiveOrZero
	@Max(1_000_000)
	private Integer headcount;

	/** Days between check-ins; blank: the playbook's interval by stage. */
	@Min(1)
	@Max(365)
	private Integer checkInDays;

	/** The version the form was opened at; {@code null} when creating. */
	private Long version;

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Integer getHeadcount() {
		return headcount;
	}

	public void setHeadcount(Integer headcount) {
		this.headcount = headcount;
	}

	public Integer getCheckInDays() {
		return checkInDays;
	}

	public void setCheckInDays(Integer checkInDays) {
		this.checkInDays = checkInDays;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
