package org.waterhole.casestudy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.waterhole.organization.DepartmentOption;
import org.waterhole.shared.Platform;

/** A case study as its reading page shows it; {@code bodyHtml} is rendered and sanitized. */
public record CaseStudyView(long id, String title, String summary, String bodyHtml, List<String> keyFindings,
		String sourceName, String sourceUrl, LocalDate publishedOn, EvidenceType evidenceType,
		List<Platform> platforms, List<String> tags, List<DepartmentOption> departments, CaseStudyStatus status,
		LocalDate reviewBy, String authorName, Instant publishedAt, Instant updatedAt, int helpfulCount,
		long version) {

	/** The same case study by the author named. */
	CaseStudyView withAuthorName(String name) {
		return new CaseStudyView(id, title, summary, bodyHtml, keyFindings, sourceName, sourceUrl, publishedOn,
				evidenceType, platforms, tags, departments, status, reviewBy, name, publishedAt, updatedAt,
				helpfulCount, version);
	}

	public boolean published() {
		return status == CaseStudyStatus.PUBLISHED;
	}

	public boolean draft() {
		return status == CaseStudyStatus.DRAFT;
	}

	public boolean archived() {
		return status == CaseStudyStatus.ARCHIVED;
	}

}
