package org.waterhole.casestudy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.waterhole.shared.Platform;

/**
 * A case study in a list: enough to judge whether to open it. {@code snippetHtml} is set for
 * search results only: the matching passage, HTML-escaped, with the matched words in
 * {@code <mark>}. {@code departments} are the names of the departments it suits, where the list
 * shows them.
 */
public record CaseStudyCard(long id, String title, String summary, String snippetHtml, String sourceName,
		EvidenceType evidenceType, LocalDate publishedOn, Instant publishedAt, int helpfulCount,
		List<Platform> platforms, CaseStudyStatus status, LocalDate reviewBy, List<Long> departmentIds,
		List<String> departments) {

	CaseStudyCard withSnippet(String html) {
		return new CaseStudyCard(id, title, summary, html, sourceName, evidenceType, publishedOn, publishedAt,
				helpfulCount, platforms, status, reviewBy, departmentIds, departments);
	}

	CaseStudyCard withDepartments(List<String> names) {
		return new CaseStudyCard(id, title, summary, snippetHtml, sourceName, evidenceType, publishedOn, publishedAt,
				helpfulCount, platforms, status, reviewBy, departmentIds, names);
	}

}
