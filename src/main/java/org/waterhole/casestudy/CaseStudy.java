package org.waterhole.casestudy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import org.waterhole.shared.EditableEntity;
import org.waterhole.shared.Platform;

/**
 * A case study or piece of research, as the strategist curates it. Its search vector is kept by
 * the database from the title, summary, key findings and the body's plain text.
 */
@Entity
@Audited
class CaseStudy extends EditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_study_seq")
	@SequenceGenerator(name = "case_study_seq", allocationSize = 50)
	private Long id;

	private String title;

	private String summary;

	/** Markdown, as written. */
	private String body;

	/** The body rendered to plain text, for search and snippets; the history keeps the body itself. */
	@NotAudited
	private String bodyText;

	/** One finding per line. */
	private String keyFindings;

	private String sourceName;

	private String sourceUrl;

	private LocalDate publishedOn;

	@Enumerated(EnumType.STRING)
	private EvidenceType evidenceType;

	@Enumerated(EnumType.STRING)
	private CaseStudyStatus status = CaseStudyStatus.DRAFT;

	private LocalDate reviewBy;

	private Long authorId;

	private Instant publishedAt;

	@ElementCollection
	@CollectionTable(name = "case_study_platform", joinColumns = @JoinColumn(name = "case_study_id"))
	@Column(name = "platform")
	@Enumerated(EnumType.STRING)
	private Set<Platform> platforms = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "case_study_tag", joinColumns = @JoinColumn(name = "case_study_id"))
	@Column(name = "tag")
	private Set<String> tags = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "case_study_department", joinColumns = @JoinColumn(name = "case_study_id"))
	@Column(name = "department_id")
	private Set<Long> departmentIds = new LinkedHashSet<>();

	protected CaseStudy() {
	}

	CaseStudy(long authorId) {
		this.authorId = authorId;
	}

	void edit(Content content, String bodyText) {
		this.title = content.title();
		this.summary = content.summary();
		this.body = content.body();
		this.bodyText = bodyText;
		this.keyFindings = content.keyFindings();
		this.sourceName = content.sourceName();
		this.sourceUrl = content.sourceUrl();
		this.publishedOn = content.publishedOn();
		this.evidenceType = content.evidenceType();
		this.reviewBy = content.reviewBy();
		replace(this.platforms, content.platforms());
		replace(this.tags, content.tags());
		replace(this.departmentIds, content.departmentIds());
	}

	/**
	 * Puts a draft into the library ({@code true}), or an archived one back where it was.
	 * @return whether this is its first publication
	 */
	boolean publish(Instant now) {
		if (status == CaseStudyStatus.PUBLISHED) {
			throw new IllegalTransitionException(status, CaseStudyStatus.PUBLISHED);
		}
		boolean first = publishedAt == null;
		if (first) {
			publishedAt = now;
		}
		status = CaseStudyStatus.PUBLISHED;
		return first;
	}

	void archive() {
		if (status == CaseStudyStatus.ARCHIVED) {
			throw new IllegalTransitionException(status, CaseStudyStatus.ARCHIVED);
		}
		status = CaseStudyStatus.ARCHIVED;
	}

	/** Takes an archived case study back: into the library if it had been published, else to drafts. */
	void restore() {
		if (status != CaseStudyStatus.ARCHIVED) {
			throw new IllegalTransitionException(status, CaseStudyStatus.PUBLISHED);
		}
		status = publishedAt == null ? CaseStudyStatus.DRAFT : CaseStudyStatus.PUBLISHED;
	}

	private static <T> void replace(Set<T> target, Set<T> values) {
		target.retainAll(values);
		target.addAll(values);
	}

	Long getId() {
		return id;
	}

	String getTitle() {
		return title;
	}

	String getSummary() {
		return summary;
	}

	String getBody() {
		return body;
	}

	String getKeyFindings() {
		return keyFindings;
	}

	String getSourceName() {
		return sourceName;
	}

	String getSourceUrl() {
		return sourceUrl;
	}

	LocalDate getPublishedOn() {
		return publishedOn;
	}

	EvidenceType getEvidenceType() {
		return evidenceType;
	}

	CaseStudyStatus getStatus() {
		return status;
	}

	LocalDate getReviewBy() {
		return reviewBy;
	}

	Long getAuthorId() {
		return authorId;
	}

	Instant getPublishedAt() {
		return publishedAt;
	}

	Set<Platform> getPlatforms() {
		return platforms;
	}

	Set<String> getTags() {
		return tags;
	}

	Set<Long> getDepartmentIds() {
		return departmentIds;
	}

	/** What the strategist writes; the form and the demo data both produce it. */
	record Content(String title, String summary, String body, String keyFindings, String sourceName,
			String sourceUrl, LocalDate publishedOn, EvidenceType evidenceType, LocalDate reviewBy,
			Set<Platform> platforms, Set<String> tags, Set<Long> departmentIds) {
	}

	/** A status change that the case study's current status doesn't allow. */
	static class IllegalTransitionException extends RuntimeException {

		IllegalTransitionException(CaseStudyStatus from, CaseStudyStatus to) {
			super("a case study can't go from " + from + " to " + to);
		}

	}

}
