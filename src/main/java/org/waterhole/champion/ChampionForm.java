package org.waterhole.champion;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.waterhole.shared.validation.ReasonableDate;

/**
 * A champion as the strategist records or edits them: the profile, since when and in which
 * status; the person (by email) only when creating.
 */
public class ChampionForm extends ProfileForm {

	public interface Create {
	}

	@NotBlank(groups = Create.class)
	@Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", groups = Create.class)
	@Size(max = 254, groups = Create.class)
	private String personEmail;

	@NotNull
	@ReasonableDate
	private LocalDate since;

	@NotNull
	private ChampionStatus status = ChampionStatus.ACTIVE;

	private Long version;

	public String getPersonEmail() {
		return personEmail;
	}

	public void setPersonEmail(String personEmail) {
		this.personEmail = personEmail;
	}

	public LocalDate getSince() {
		return since;
	}

	public void setSince(LocalDate since) {
		this.since = since;
	}

	public ChampionStatus getStatus() {
		return status;
	}

	public void setStatus(ChampionStatus status) {
		this.status = status;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
