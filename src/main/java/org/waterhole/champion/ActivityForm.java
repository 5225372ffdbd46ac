package org.waterhole.champion;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.waterhole.shared.validation.HttpUrl;
import org.waterhole.shared.validation.ReasonableDate;

/** An activity as the strategist or the champion logs it. */
public class ActivityForm {

	@NotNull
	@PastOrPresent
	@ReasonableDate
	private LocalDate occurredOn;

	@NotNull
	private ActivityKind kind;

	@NotBlank
	@Size(max = 1000)
	private String description;

	@PositiveOrZero
	@Max(1_000_000_000)
	private Integer reach;

	@Size(max = 2000)
	@HttpUrl
	private String link;

	public LocalDate getOccurredOn() {
		return occurredOn;
	}

	public void setOccurredOn(LocalDate occurredOn) {
		this.occurredOn = occurredOn;
	}

	public ActivityKind getKind() {
		return kind;
	}

	public void setKind(ActivityKind kind) {
		this.kind = kind;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Integer getReach() {
		return reach;
	}

	public void setReach(Integer reach) {
		this.reach = reach;
	}

	public String getLink() {
		return link;
	}

	public void setLink(String link) {
		this.link = link;
	}

}
