package org.waterhole.experiment;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

import org.waterhole.shared.EditableEntity;

/** One value of an experiment's primary metric, on one day. */
@Entity
@Table(name = "experiment_measurement")
@Audited
class Measurement extends EditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "experiment_measurement_seq")
	@SequenceGenerator(name = "experiment_measurement_seq", allocationSize = 50)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "experiment_id")
	private Experiment experiment;

	private LocalDate measuredOn;

	private BigDecimal value;

	private String note;

	protected Measurement() {
	}

	Measurement(Experiment experiment, LocalDate measuredOn, BigDecimal value, String note) {
		this.experiment = experiment;
		change(measuredOn, value, note);
	}

	void change(LocalDate measuredOn, BigDecimal value, String note) {
		this.measuredOn = measuredOn;
		this.value = value;
		this.note = note;
	}

	Long getId() {
		return id;
	}

	LocalDate getMeasuredOn() {
		return measuredOn;
	}

	BigDecimal getValue() {
		return value;
	}

	String getNote() {
		return note;
	}

}
