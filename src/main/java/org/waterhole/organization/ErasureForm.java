package org.waterhole.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The strategist confirms an erasure by typing the person's name. */
public class ErasureForm {

	@NotBlank
	@Size(max = 200)
	private String confirmation;

	public String getConfirmation() {
		return confirmation;
	}

	public void setConfirmation(String confirmation) {
		this.confirmation = confirmation;
	}

}
