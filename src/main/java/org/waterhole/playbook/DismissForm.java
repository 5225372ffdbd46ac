package org.waterhole.playbook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Dismissing a suggestion: which one, and why. */
class DismissForm {

	@NotNull
	private Rule rule;

	@NotBlank
	@Size(max = 300)
	private String reason;

	public Rule getRule() {
		return rule;
	}

	public void setRule(Rule rule) {
		this.rule = rule;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
