package org.waterhole.casestudy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.boot.test.context.TestComponent;
import org.waterhole.shared.Platform;
import org.waterhole.support.TestData;

/**
 * Makes case studies for tests through the module's own service: valid by default, changed by
 * the test where it matters, published unless asked otherwise.
 */
@TestComponent
public class CaseStudies {

	private final CaseStudyService service;

	private final TestData data;

	CaseStudies(CaseStudyService service, TestData data) {
		this.service = service;
		this.data = data;
	}

	CaseStudyService service() {
		return service;
	}

	static CaseStudyForm form(String title) {
		CaseStudyForm form = new CaseStudyForm();
		form.setTitle(title);
		form.setSummary("A summary of " + title);
		form.setBody("## Context\n\nSome words about " + title + ".");
		form.setSourceName("Test source");
		form.setSourceUrl("https://example.org/test");
		form.setPublishedOn(LocalDate.of(2024, 3, 1));
		form.setEvidenceType(EvidenceType.PEER_CASE_STUDY);
		form.setPlatforms(new java.util.LinkedHashSet<>(Set.of(Platform.LINKEDIN)));
		form.setTags("testing");
		return form;
	}

	public long published(String title, Consumer<CaseStudyForm> changes) {
		long id = draft(title, changes);
		service.publish(id, service.form(id).getVersion());
		return id;
	}

	public long published(String title) {
		return published(title, form -> {
		});
	}

	/** Published as if in the past: in the library since {@code publishedAt}. */
	public long publishedAt(String title, Instant publishedAt, Consumer<CaseStudyForm> changes) {
		CaseStudyForm form = form(title);
		changes.accept(form);
		return service.addHistoric(form.content(), data.person(null), CaseStudyStatus.PUBLISHED, publishedAt);
	}

	public long publishedAt(String title, Instant publishedAt) {
		return publishedAt(title, publishedAt, form -> {
		});
	}

	/** Published, then archived. */
	public long archived(String title) {
		long id = published(title);
		service.archive(id, service.form(id).getVersion());
		return id;
	}

	public long draft(String title, Consumer<CaseStudyForm> changes) {
		CaseStudyForm form = form(title);
		changes.accept(form);
		return service.create(form, data.person(null));
	}

	/** A draft written by {@code authorId}. */
	public long writtenBy(String title, long authorId) {
		return service.create(form(title), authorId);
	}

}
