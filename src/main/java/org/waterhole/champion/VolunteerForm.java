package org.waterhole.champion;

import jakarta.validation.constraints.NotBlank;

/** What a colleague says when they offer to be a champion: their profile, with a pitch required. */
public class VolunteerForm extends ProfileForm {

	@Override
	@NotBlank
	public String getPitch() {
		return super.getPitch();
	}

}
