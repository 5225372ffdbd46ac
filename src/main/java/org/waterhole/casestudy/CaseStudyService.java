package org.waterhole.casestudy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.PersonService;
import org.waterhole.shared.NotFoundException;
import org.waterhole.shared.StaleEditException;
import org.waterhole.shared.Tags;

/**
 * Writes case studies and takes them through their life: draft, published, archived. Reading
 * pages, search and lists are {@link Library}'s.
 */
@Service
@Transactional(readOnly = true)
public class CaseStudyService {

	/**
	 * The reading page's case study, with its platforms, tags and departments, in one statement
	 * (the entity and its three collections took four, and Hibernate's loading cost more than
	 * the page's other queries together).
	 */
	private static final String VIEW = """
			select cs.id, cs.title, cs.summary, cs.body, cs.key_findings, cs.source_name, cs.source_url,
			  cs.published_on, cs.evidence_type, cs.status, cs.review_by, cs.author_id, cs.published_at,
			  cs.updated_at, %s as helpful_count, cs.version,
			  array(select p.platform from case_study_platform p where p.case_study_id = cs.id) as platforms,
			  array(select t.tag from case_study_tag t where t.case_study_id = cs.id) as tags,
			  array(select d.department_id from case_study_department d where d.case_study_id = cs.id) as department_ids
			from case_study cs where cs.id = :id
			""".formatted(Readings.HELPFUL_COUNT);

	private final CaseStudyRepository caseStudies;

	private final JdbcClient jdbc;

	private final Markdown markdown;

	private final DepartmentService departments;

	private final PersonService people;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CaseStudyService(CaseStudyRepository caseStudies, JdbcClient jdbc, Markdown markdown, DepartmentService departments,
			PersonService people, ApplicationEventPublisher events, Clock clock) {
		this.caseStudies = caseStudies;
		this.jdbc = jdbc;
		this.markdown = markdown;
		this.departments = departments;
		this.people = people;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The reading page's case study. Staff see only published ones; the strategist sees drafts
	 * and archived ones too.
	 */
	CaseStudyView view(long id, boolean mayCurate) {
		Authored read = jdbc.sql(VIEW)
			.param("id", id)
			.query((rs, n) -> new Authored(view(rs), (Long) rs.getObject("author_id")))
			.optional()
			.orElseThrow(() -> new NotFoundException("Case study", id));
		if (!mayCurate && !read.caseStudy().published()) {
			throw new NotFoundException("Case study", id);
		}
		return read.authorId() == null ? read.caseStudy()
				: read.caseStudy().withAuthorName(people.nameOf(read.authorId()).orElse(null));
	}

	/** The case study as read, without its author's name yet, and the author. */
	private record Authored(CaseStudyView caseStudy, Long authorId) {
	}

	/** The row of {@link #VIEW}, the body rendered; the author's name left out. */
	private CaseStudyView view(ResultSet rs) throws SQLException {
		Map<Long, DepartmentOption> byId = departments.options()
			.stream()
			.collect(Collectors.toMap(DepartmentOption::getId, Function.identity()));
		List<DepartmentOption> relevant = Library.ids(rs.getArray("department_ids"))
			.stream()
			.map(byId::get)
			.filter(Objects::nonNull)
			.sorted(Comparator.comparing(DepartmentOption::getName))
			.toList();
		List<String> tags = new ArrayList<>();
		for (Object tag : (Object[]) rs.getArray("tags").getArray()) {
			tags.add((String) tag);
		}
		return new CaseStudyView(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
				markdown.toHtml(rs.getString("body")), findings(rs.getString("key_findings")),
				rs.getString("source_name"), rs.getString("source_url"), rs.getObject("published_on", LocalDate.class),
				EvidenceType.valueOf(rs.getString("evidence_type")),
				Library.platforms(rs.getArray("platforms")).stream().sorted().toList(), tags.stream().sorted().toList(),
				relevant, CaseStudyStatus.valueOf(rs.getString("status")), rs.getObject("review_by", LocalDate.class),
				null, Library.instant(rs, "published_at"), Library.instant(rs, "updated_at"),
				rs.getInt("helpful_count"), rs.getLong("version"));
	}

	CaseStudyForm form(long id) {
		CaseStudy caseStudy = load(id);
		CaseStudyForm form = new CaseStudyForm();
		form.setTitle(caseStudy.getTitle());
		form.setSummary(caseStudy.getSummary());
		form.setBody(caseStudy.getBody());
		form.setKeyFindings(caseStudy.getKeyFindings());
		form.setSourceName(caseStudy.getSourceName());
		form.setSourceUrl(caseStudy.getSourceUrl());
		form.setPublishedOn(caseStudy.getPublishedOn());
		form.setEvidenceType(caseStudy.getEvidenceType());
		form.setReviewBy(caseStudy.getReviewBy());
		form.setPlatforms(new LinkedHashSet<>(caseStudy.getPlatforms()));
		form.setTags(Tags.format(caseStudy.getTags()));
		form.setDepartmentIds(new LinkedHashSet<>(caseStudy.getDepartmentIds()));
		form.setVersion(caseStudy.getVersion());
		return form;
	}

	/** The title, for a page about the case study (its history); a 404 when there is none. */
	String title(long id) {
		return load(id).getTitle();
	}

	/** The title and status, for headings and the buttons a form shows. */
	CaseStudyStatus status(long id) {
		return load(id).getStatus();
	}

	/** Renders what the strategist wrote, without saving it. */
	String preview(String body) {
		return markdown.toHtml(body);
	}

	@Transactional
	@CacheEvict(cacheNames = Library.FACETS, allEntries = true)
	public long create(CaseStudyForm form, long authorId) {
		CaseStudy caseStudy = new CaseStudy(authorId);
		edit(caseStudy, form.content());
		return caseStudies.saveAndFlush(caseStudy).getId();
	}

	@Transactional
	@CacheEvict(cacheNames = Library.FACETS, allEntries = true)
	public void update(long id, CaseStudyForm form) {
		CaseStudy caseStudy = load(id);
		StaleEditException.check("Case study", id, form.getVersion(), caseStudy.getVersion());
		edit(caseStudy, form.content());
		caseStudies.saveAndFlush(caseStudy);
	}

	/** Publishes a draft (announcing it with {@link CaseStudyPublished}) or an archived one again. */
	@Transactional
	@CacheEvict(cacheNames = Library.FACETS, allEntries = true)
	public void publish(long id, Long version) {
		CaseStudy caseStudy = transitionable(id, version);
		if (caseStudy.publish(clock.instant())) {
			events.publishEvent(new CaseStudyPublished(caseStudy.getId(), caseStudy.getTitle(),
					Set.copyOf(caseStudy.getDepartmentIds()), caseStudy.getPublishedAt()));
		}
		caseStudies.saveAndFlush(caseStudy);
	}

	@Transactional
	@CacheEvict(cacheNames = Library.FACETS, allEntries = true)
	public void archive(long id, Long version) {
		CaseStudy caseStudy = transitionable(id, version);
		caseStudy.archive();
		caseStudies.saveAndFlush(caseStudy);
	}

	@Transactional
	@CacheEvict(cacheNames = Library.FACETS, allEntries = true)
	public void restore(long id, Long version) {
		CaseStudy caseStudy = transitionable(id, version);
		caseStudy.restore();
		caseStudies.saveAndFlush(caseStudy);
	}

	/**
	 * Adds a case study as if it had been written and published in the past, for the demo data:
	 * {@code publishedAt} is when it went into the library ({@code null} for a draft).
	 */
	@Transactional
	@CacheEvict(cacheNames = Library.FACETS, allEntries = true)
	long addHistoric(CaseStudy.Content content, long authorId, CaseStudyStatus status, Instant publishedAt) {
		CaseStudy caseStudy = new CaseStudy(authorId);
		edit(caseStudy, content);
		caseStudies.saveAndFlush(caseStudy);
		if (status != CaseStudyStatus.DRAFT) {
			caseStudy.publish(publishedAt);
			events.publishEvent(new CaseStudyPublished(caseStudy.getId(), caseStudy.getTitle(),
					Set.copyOf(caseStudy.getDepartmentIds()), publishedAt));
			if (status == CaseStudyStatus.ARCHIVED) {
				caseStudy.archive();
			}
		}
		return caseStudies.saveAndFlush(caseStudy).getId();
	}

	private CaseStudy transitionable(long id, Long version) {
		CaseStudy caseStudy = load(id);
		StaleEditException.check("Case study", id, version, caseStudy.getVersion());
		return caseStudy;
	}

	private void edit(CaseStudy caseStudy, CaseStudy.Content content) {
		Set<Long> known = departments.options().stream().map(DepartmentOption::getId).collect(Collectors.toSet());
		if (!known.containsAll(content.departmentIds())) {
			throw new UnknownDepartmentException();
		}
		caseStudy.edit(content, markdown.toPlainText(content.body()));
	}

	private CaseStudy load(long id) {
		return caseStudies.findById(id).orElseThrow(() -> new NotFoundException("Case study", id));
	}

	static List<String> findings(String keyFindings) {
		if (keyFindings == null) {
			return List.of();
		}
		return Arrays.stream(keyFindings.split("\\R"))
			.map(String::strip)
			.map(line -> line.replaceFirst("^[-*•]\\s*", ""))
			.filter(line -> !line.isEmpty())
			.toList();
	}

	/** The form named a department that doesn't exist (a forged request, or one just removed). */
	static class UnknownDepartmentException extends RuntimeException {

		UnknownDepartmentException() {
			super("unknown department");
		}

	}

}
