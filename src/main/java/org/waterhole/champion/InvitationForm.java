package org.waterhole.champion;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The strategist's invitation to be a champion: whom (by email), a personal message, and what
 * the profile might say (platforms, skills, pitch: suggestions the invitee confirms or changes).
 */
public class InvitationForm extends ProfileForm {

	@NotBlank
	@Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
	@Size(max = 254)
	private String personEmail;

	@Size(max = 2000)
	private String message;

	public String getPersonEmail() {
		return personEmail;
	}

	public void setPersonEmail(String personEmail) {
		this.personEmail = personEmail;
	}

	public String getMessage() {
		return message;
	}

	public void setMessage(String message) {
		this.message = message;
	}

}
