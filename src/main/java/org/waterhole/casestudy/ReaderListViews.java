package org.waterhole.casestudy;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.PersonService;
import org.waterhole.organization.PersonalDataCopied;

/**
 * The log of who opened a list that names people next to what they read: who, when, and which
 * department or case study the list was about, or whose copy of their data (which names what they
 * read) the strategist opened. A view is logged only when names were shown. The
 * strategist reads the log; entries older than the period named readings are kept are deleted
 * nightly ({@link ReaderListViewPurge}).
 */
@Service
@Transactional(readOnly = true)
public class ReaderListViews {

	private static final String INSERT = """
			insert into reader_list_view (viewer_id, viewed_at, department_id, case_study_id, person_id)
			values (:viewer, :at, :department, :caseStudy, :person)
			""";

	private static final String PAGE = """
			select v.id, v.viewer_id, v.viewed_at, v.department_id, v.case_study_id, v.person_id, cs.title
			from reader_list_view v left join case_study cs on cs.id = v.case_study_id
			order by v.viewed_at desc, v.id desc
			limit :limit offset :offset
			""";

	private static final String COUNT = "select count(*) from reader_list_view";

	private static final String DELETE_BEFORE = "delete from reader_list_view where viewed_at < :before";

	private final JdbcClient jdbc;

	private final PersonService people;

	private final DepartmentService departments;

	private final Clock clock;

	ReaderListViews(JdbcClient jdbc, PersonService people, DepartmentService departments, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.departments = departments;
		this.clock = clock;
	}

	/** Logs that the person saw named readers of a department, now. */
	@Transactional
	public void department(long viewerId, long departmentId) {
		insert(viewerId, new What(departmentId, null, null), clock.instant());
	}

	/** Logs that the person saw named readers of a case study, now. */
	@Transactional
	public void caseStudy(long viewerId, long caseStudyId) {
		insert(viewerId, new What(null, caseStudyId, null), clock.instant());
	}

	/** Logs that the strategist opened someone else's copy of their data, in that transaction. */
	@EventListener
	@Transactional
	void on(PersonalDataCopied copied) {
		insert(copied.viewerId(), new What(null, null, copied.personId()), copied.at());
	}

	/** A page of the log, newest first, with who looked and at what, by name. */
	public Page<View> page(Pageable pageable) {
		long total = jdbc.sql(COUNT).query(Long.class).single();
		if (pageable.getOffset() >= total) {
			return new PageImpl<>(List.of(), pageable, total);
		}
		List<Row> rows = jdbc.sql(PAGE)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("viewer_id"),
					rs.getObject("viewed_at", OffsetDateTime.class).toInstant(), new What((Long) rs.getObject("department_id"),
							(Long) rs.getObject("case_study_id"), (Long) rs.getObject("person_id")),
					rs.getString("title")))
			.list();
		Map<Long, String> names = people.namesOf(rows.stream()
			.flatMap(r -> Stream.of(r.viewerId(), r.what().personId()))
			.filter(Objects::nonNull)
			.distinct()
			.toList());
		Map<Long, String> departmentNames = new HashMap<>();
		departments.options().forEach(d -> departmentNames.put(d.getId(), d.getName()));
		List<View> views = rows.stream()
			.map(r -> new View(r.id(), r.viewedAt(), r.viewerId(), names.get(r.viewerId()), r.what().departmentId(),
					r.what().departmentId() == null ? null : departmentNames.get(r.what().departmentId()),
					r.what().caseStudyId(), r.caseStudyTitle(), r.what().personId(),
					r.what().personId() == null ? null : names.get(r.what().personId())))
			.toList();
		return new PageImpl<>(views, pageable, total);
	}

	/**
	 * Deletes the entries logged before {@code before}.
	 * @return how many were deleted
	 */
	@Transactional
	public int deleteBefore(Instant before) {
		return jdbc.sql(DELETE_BEFORE).param("before", before.atOffset(ZoneOffset.UTC)).update();
	}

	private void insert(long viewerId, What what, Instant at) {
		jdbc.sql(INSERT)
			.param("viewer", viewerId)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("department", what.departmentId(), Types.BIGINT)
			.param("caseStudy", what.caseStudyId(), Types.BIGINT)
			.param("person", what.personId(), Types.BIGINT)
			.update();
	}

	/** What was looked at: a department's, a case study's readers, or a person's data (one of them). */
	private record What(Long departmentId, Long caseStudyId, Long personId) {
	}

	private record Row(long id, long viewerId, Instant viewedAt, What what, String caseStudyTitle) {
	}

	/**
	 * One entry of the log: when, who looked ({@code viewerName} is {@code null} for a person no
	 * longer on record), and the department or the case study whose readers were named, or the
	 * person whose copy of their data was opened.
	 */
	public record View(long id, Instant viewedAt, long viewerId, String viewerName, Long departmentId,
			String departmentName, Long caseStudyId, String caseStudyTitle, Long personId, String personName) {
	}

}
