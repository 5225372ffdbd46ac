package org.waterhole.experiment;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.waterhole.shared.validation.ReasonableDate;

/** A measurement as the strategist adds or edits it on the experiment's page. */
public class MeasurementForm {

	@ReasonableDate
	@NotNull
	private LocalDate measuredOn;

	@NotNull
	@DecimalMin("0")
	@DecimalMax("1000000000000")
	@Digits(integer = 13, fraction = 4)
	private BigDecimal value;

	@Size(max = 500)
	private String note;

	private Long version;

	public LocalDate getMeasuredOn() {
		return measuredOn;
	}

	public void setMeasuredOn(LocalDate measuredOn) {
		this.measuredOn = measuredOn;
	}

	public BigDecimal getValue() {
		return value;
	}

	public void setValue(BigDecimal value) {
		this.value = value;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
