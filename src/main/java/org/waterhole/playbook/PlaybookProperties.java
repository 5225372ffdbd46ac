package org.waterhole.playbook;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.waterhole.adoption.ObjectionCategory;

/**
 * The playbook's settings ({@code waterhole.playbook.*}, defaults and their meaning in
 * application.properties and the README): the readiness score's weights, the check-in rhythm,
 * what counts as reading little, and which case-study tags and champion skills answer each
 * category of objection.
 */
@Validated
@ConfigurationProperties("waterhole.playbook")
record PlaybookProperties(@NotNull @Valid Weights weights, @NotNull @Valid CheckIns checkIns,
		@Min(0) @Max(100) int lowReachPercent, @NotNull Map<ObjectionCategory, Answers> objections) {

	/** The answers configured for a category; none for a category left out. */
	Answers answersTo(ObjectionCategory category) {
		return objections.getOrDefault(category, Answers.NONE);
	}

	/**
	 * Points each signal can add to the score (or take away), and the figure at which it gives
	 * them all; a signal gives its points in proportion up to that figure.
	 */
	record Weights(@Min(0) int reach, @Min(1) @Max(100) int reachFullPercent, @Min(0) int helpful,
			@Min(1) int helpfulFullPerHundred, @Min(0) int experiments, @Min(1) int experimentsFull,
			@Min(0) int champions, @Min(1) int championsFull, @Min(0) int activity, @Min(1) int activitiesFull,
			@Min(0) int stage, @Min(0) int objectionPenalty, @Min(0) int objectionPenaltyMax,
			@Min(0) int stalledPenaltyMax) {
	}

	/** Days between check-ins: in general, and while a department is experimenting. */
	record CheckIns(@Min(1) int days, @Min(1) int experimentingDays) {
	}

	/** Case-study tags and champion skills that answer a category of objection. */
	record Answers(List<String> tags, List<String> skills) {

		static final Answers NONE = new Answers(List.of(), List.of());

		Answers {
			tags = tags == null ? List.of() : List.copyOf(tags);
			skills = skills == null ? List.of() : List.copyOf(skills);
		}

	}

}
