package org.waterhole.champion;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The invitee's answer: accepting takes their profile (the pitch in their own words, required);
 * declining takes an optional reason, which the strategist reads.
 */
public class InvitationAnswerForm extends ProfileForm {

	@Size(max = 600)
	private String reason;

	@Override
	@NotBlank(groups = Accepting.class)
	public String getPitch() {
		return super.getPitch();
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	/** The checks of accepting: the profile's, and a pitch. */
	public interface Accepting {
	}

}
