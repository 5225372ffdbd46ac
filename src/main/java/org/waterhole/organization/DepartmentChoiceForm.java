package org.waterhole.organization;

import jakarta.validation.constraints.NotNull;

/** The department someone signing in for the first time chooses for themselves. */
public class DepartmentChoiceForm {

	@NotNull
	private Long departmentId;

	public Long getDepartmentId() {
		return departmentId;
	}

	public void setDepartmentId(Long departmentId) {
		this.departmentId = departmentId;
	}

}
