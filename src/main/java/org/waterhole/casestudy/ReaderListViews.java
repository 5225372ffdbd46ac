package org.waterhole.casestudy;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.PersonService;

/**
 * The log of who opened a list that names people next to what they read: who, when, and which
 * department or case study the list was about. A view is logged only when names were shown. The
 * strategist reads the log; entries older than the period named readings are kept are deleted
 * nightly ({@link ReaderListViewPurge}).
 */
@Service
@Transactional(readOnly = true)
public class ReaderListViews {

	private static final String INSERT = """
			insert into reader_list_view (viewer_id, viewed_at, department_id, case_study_id)
			values (:viewer, :at, :department, :caseStudy)
			""";

	private static final String PAGE = """
			select v.id, v.viewer_id, v.viewed_at, v.department_id, v.case_study_id, cs.title
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
		insert(viewerId, departmentId, null);
	}

	/** Logs that the person saw named readers of a case study, now. */
	@Transactional
	public void caseStudy(long viewerId, long caseStudyId) {
		insert(viewerId, null, caseStudyId);
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
					rs.getObject("viewed_at", OffsetDateTime.class).toInstant(), (Long) rs.getObject("department_id"),
					(Long) rs.getObject("case_study_id"), rs.getString("title")))
			.list();
		Map<Long, String> viewers = people.namesOf(rows.stream().map(Row::viewerId).distinct().toList());
		Map<Long, String> departmentNames = new HashMap<>();
		departments.options().forEach(d -> departmentNames.put(d.getId(), d.getName()));
		List<View> views = rows.stream()
			.map(r -> new View(r.id(), r.viewedAt(), r.viewerId(), viewers.get(r.viewerId()), r.departmentId(),
					r.departmentId() == null ? null : departmentNames.get(r.departmentId()), r.caseStudyId(),
					r.caseStudyTitle()))
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

	private void insert(long viewerId, Long departmentId, Long caseStudyId) {
		jdbc.sql(INSERT)
			.param("viewer", viewerId)
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.param("department", departmentId, Types.BIGINT)
			.param("caseStudy", caseStudyId, Types.BIGINT)
			.update();
	}

	private record Row(long id, long viewerId, Instant viewedAt, Long departmentId, Long caseStudyId,
			String caseStudyTitle) {
	}

	/**
	 * One entry of the log: when, who looked ({@code viewerName} is {@code null} for a person no
	 * longer on record), and the department or the case study whose readers were named.
	 */
	public record View(long id, Instant viewedAt, long viewerId, String viewerName, Long departmentId,
			String departmentName, Long caseStudyId, String caseStudyTitle) {
	}

}
