package org.waterhole.champion;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.waterhole.shared.EditableEntity;

/** Something a champion did to carry the message. */
@Entity
@Table(name = "champion_activity")
class Activity extends EditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "champion_activity_seq")
	@SequenceGenerator(name = "champion_activity_seq", allocationSize = 50)
	private Long id;

	private Long championId;

	/** The champion's department when the activity was logged; coverage counts it there. */
	private Long departmentId;

	private LocalDate occurredOn;

	@Enumerated(EnumType.STRING)
	private ActivityKind kind;

	private String description;

	private Integer reach;

	private String link;

	private Long recordedBy;

	protected Activity() {
	}

	Activity(long championId, Long departmentId, LocalDate occurredOn, ActivityKind kind, String description,
			Integer reach, String link, long recordedBy) {
		this.championId = championId;
		this.departmentId = departmentId;
		this.occurredOn = occurredOn;
		this.kind = kind;
		this.description = description;
		this.reach = reach;
		this.link = link;
		this.recordedBy = recordedBy;
	}

	Long getId() {
		return id;
	}

	Long getChampionId() {
		return championId;
	}

}
