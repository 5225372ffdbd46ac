package org.waterhole.adoption;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.waterhole.shared.validation.ReasonableDate;

/** An adoption event as the strategist records it. */
public class RecordForm {

	public static final int TITLE_LENGTH = 300;

	public static final int DETAILS_LENGTH = 4000;

	static final int ANSWERED_WITH_LENGTH = 40;

	@NotNull
	private Long departmentId;

	@NotNull
	@ReasonableDate
	private LocalDate occurredOn;

	@NotNull
	private EventKind kind = EventKind.NOTE;

	@NotBlank
	@Size(max = TITLE_LENGTH)
	private String title;

	@Size(max = DETAILS_LENGTH)
	private String details;

	private Stage toStage;

	private ObjectionCategory objectionCategory;

	private Long answersId;

	@Size(max = ANSWERED_WITH_LENGTH)
	private String answeredWith;

	/** A form filled in with what every event has. */
	public static RecordForm of(long departmentId, LocalDate occurredOn, EventKind kind, String title) {
		RecordForm form = new RecordForm();
		form.setDepartmentId(departmentId);
		form.setOccurredOn(occurredOn);
		form.setKind(kind);
		form.setTitle(title);
		return form;
	}

	public Long getDepartmentId() {
		return departmentId;
	}

	public void setDepartmentId(Long departmentId) {
		this.departmentId = departmentId;
	}

	public LocalDate getOccurredOn() {
		return occurredOn;
	}

	public void setOccurredOn(LocalDate occurredOn) {
		this.occurredOn = occurredOn;
	}

	public EventKind getKind() {
		return kind;
	}

	public void setKind(EventKind kind) {
		this.kind = kind;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDetails() {
		return details;
	}

	public void setDetails(String details) {
		this.details = details;
	}

	public Stage getToStage() {
		return toStage;
	}

	public void setToStage(Stage toStage) {
		this.toStage = toStage;
	}

	/** The open objection of the same department this event answers, if any. */
	public Long getAnswersId() {
		return answersId;
	}

	public void setAnswersId(Long answersId) {
		this.answersId = answersId;
	}

	/**
	 * What answered the objection, as the form sends it ({@code CASE_STUDY:12}, {@code CHAMPION:3},
	 * {@code EXPERIMENT:7}); optional, and only with {@link #getAnswersId()}.
	 */
	public String getAnsweredWith() {
		return answeredWith;
	}

	public void setAnsweredWith(String answeredWith) {
		this.answeredWith = answeredWith;
	}

	public ObjectionCategory getObjectionCategory() {
		return objectionCategory;
	}

	public void setObjectionCategory(ObjectionCategory objectionCategory) {
		this.objectionCategory = objectionCategory;
	}

}
