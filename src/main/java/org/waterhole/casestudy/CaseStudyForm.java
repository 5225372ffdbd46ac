package org.waterhole.casestudy;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.waterhole.shared.Platform;
import org.waterhole.shared.Tags;
import org.waterhole.shared.validation.HttpUrl;
import org.waterhole.shared.validation.ReasonableDate;
import org.waterhole.shared.validation.TagList;

/** What the strategist types to create or edit a case study; one form serves both. */
public class CaseStudyForm {

	public static final int TITLE_MAX = 200;

	public static final int SUMMARY_MAX = 1000;

	public static final int KEY_FINDINGS_MAX = 5000;

	@NotBlank
	@Size(max = TITLE_MAX)
	private String title;

	@NotBlank
	@Size(max = SUMMARY_MAX)
	private String summary;

	@NotBlank
	@Size(max = 100_000)
	private String body;

	@Size(max = KEY_FINDINGS_MAX)
	private String keyFindings;

	@NotBlank
	@Size(max = 200)
	private String sourceName;

	@Size(max = 2000)
	@HttpUrl
	private String sourceUrl;

	@ReasonableDate
	private LocalDate publishedOn;

	@NotNull
	private EvidenceType evidenceType;

	@ReasonableDate
	private LocalDate reviewBy;

	private Set<Platform> platforms = new LinkedHashSet<>();

	@TagList
	@Size(max = 1000)
	private String tags;

	private Set<Long> departmentIds = new LinkedHashSet<>();

	private Long version;

	CaseStudy.Content content() {
		return new CaseStudy.Content(title, summary, body, keyFindings, sourceName, sourceUrl, publishedOn,
				evidenceType, reviewBy, withoutNulls(platforms), Tags.parse(tags), withoutNulls(departmentIds));
	}

	/** A forged empty value binds as {@code null}; it means nothing. */
	private static <T> Set<T> withoutNulls(Set<T> values) {
		return values.stream().filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getSummary() {
		return summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public String getBody() {
		return body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public String getKeyFindings() {
		return keyFindings;
	}

	public void setKeyFindings(String keyFindings) {
		this.keyFindings = keyFindings;
	}

	public String getSourceName() {
		return sourceName;
	}

	public void setSourceName(String sourceName) {
		this.sourceName = sourceName;
	}

	public String getSourceUrl() {
		return sourceUrl;
	}

	public void setSourceUrl(String sourceUrl) {
		this.sourceUrl = sourceUrl;
	}

	public LocalDate getPublishedOn() {
		return publishedOn;
	}

	public void setPublishedOn(LocalDate publishedOn) {
		this.publishedOn = publishedOn;
	}

	public EvidenceType getEvidenceType() {
		return evidenceType;
	}

	public void setEvidenceType(EvidenceType evidenceType) {
		this.evidenceType = evidenceType;
	}

	public LocalDate getReviewBy() {
		return reviewBy;
	}

	public void setReviewBy(LocalDate reviewBy) {
		this.reviewBy = reviewBy;
	}

	public Set<Platform> getPlatforms() {
		return platforms;
	}

	public void setPlatforms(Set<Platform> platforms) {
		this.platforms = platforms == null ? new LinkedHashSet<>() : platforms;
	}

	public String getTags() {
		return tags;
	}

	public void setTags(String tags) {
		this.tags = tags;
	}

	public Set<Long> getDepartmentIds() {
		return departmentIds;
	}

	public void setDepartmentIds(Set<Long> departmentIds) {
		this.departmentIds = departmentIds == null ? new LinkedHashSet<>() : departmentIds;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
