package org.waterhole.experiment;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.waterhole.shared.Platform;
import org.waterhole.shared.validation.ReasonableDate;

/**
 * What the strategist types to create or edit an experiment; one form serves both. The run's
 * actual dates are set by starting and completing, and can be corrected here once it has started.
 */
public class ExperimentForm {

	@NotBlank
	@Size(max = 200)
	private String title;

	@NotBlank
	@Size(max = 4000)
	private String hypothesis;

	@NotNull
	private Long departmentId;

	@NotNull
	private Platform platform;

	@NotBlank
	@Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
	@Size(max = 254)
	private String ownerEmail;

	@NotNull
	@Min(1)
	@Max(10)
	private Integer impact = 5;

	@NotNull
	@Min(1)
	@Max(10)
	private Integer confidence = 5;

	@NotNull
	@Min(1)
	@Max(10)
	private Integer ease = 5;

	@ReasonableDate
	private LocalDate plannedStart;

	@ReasonableDate
	private LocalDate plannedEnd;

	@ReasonableDate
	private LocalDate actualStart;

	@ReasonableDate
	private LocalDate actualEnd;

	@NotBlank
	@Size(max = 120)
	private String metricName;

	@Size(max = 40)
	private String metricUnit;

	@DecimalMin("0")
	@DecimalMax("1000000000000")
	@Digits(integer = 13, fraction = 4)
	private BigDecimal baseline;

	@DecimalMin("0")
	@DecimalMax("1000000000000")
	@Digits(integer = 13, fraction = 4)
	private BigDecimal target;

	@NotNull
	private Direction direction = Direction.UP;

	private Long version;

	/** A hidden field of a new experiment's form: the case study it tries out ({@link #inspiredById()}). */
	private String inspiredBy;

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getHypothesis() {
		return hypothesis;
	}

	public void setHypothesis(String hypothesis) {
		this.hypothesis = hypothesis;
	}

	public Long getDepartmentId() {
		return departmentId;
	}

	public void setDepartmentId(Long departmentId) {
		this.departmentId = departmentId;
	}

	public Platform getPlatform() {
		return platform;
	}

	public void setPlatform(Platform platform) {
		this.platform = platform;
	}

	public String getOwnerEmail() {
		return ownerEmail;
	}

	public void setOwnerEmail(String ownerEmail) {
		this.ownerEmail = ownerEmail;
	}

	public Integer getImpact() {
		return impact;
	}

	public void setImpact(Integer impact) {
		this.impact = impact;
	}

	public Integer getConfidence() {
		return confidence;
	}

	public void setConfidence(Integer confidence) {
		this.confidence = confidence;
	}

	public Integer getEase() {
		return ease;
	}

	public void setEase(Integer ease) {
		this.ease = ease;
	}

	public LocalDate getPlannedStart() {
		return plannedStart;
	}

	public void setPlannedStart(LocalDate plannedStart) {
		this.plannedStart = plannedStart;
	}

	public LocalDate getPlannedEnd() {
		return plannedEnd;
	}

	public void setPlannedEnd(LocalDate plannedEnd) {
		this.plannedEnd = plannedEnd;
	}

	public LocalDate getActualStart() {
		return actualStart;
	}

	public void setActualStart(LocalDate actualStart) {
		this.actualStart = actualStart;
	}

	public LocalDate getActualEnd() {
		return actualEnd;
	}

	public void setActualEnd(LocalDate actualEnd) {
		this.actualEnd = actualEnd;
	}

	public String getMetricName() {
		return metricName;
	}

	public void setMetricName(String metricName) {
		this.metricName = metricName;
	}

	public String getMetricUnit() {
		return metricUnit;
	}

	public void setMetricUnit(String metricUnit) {
		this.metricUnit = metricUnit;
	}

	public BigDecimal getBaseline() {
		return baseline;
	}

	public void setBaseline(BigDecimal baseline) {
		this.baseline = baseline;
	}

	public BigDecimal getTarget() {
		return target;
	}

	public void setTarget(BigDecimal target) {
		this.target = target;
	}

	public Direction getDirection() {
		return direction;
	}

	public void setDirection(Direction direction) {
		this.direction = direction;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	/** The published case study a new experiment tries out, if it came from one; anything else is ignored. */
	public Long inspiredById() {
		return inspiredBy != null && inspiredBy.matches("[0-9]{1,18}") ? Long.valueOf(inspiredBy) : null;
	}

	public String getInspiredBy() {
		return inspiredBy;
	}

	public void setInspiredBy(String inspiredBy) {
		this.inspiredBy = inspiredBy;
	}

}
