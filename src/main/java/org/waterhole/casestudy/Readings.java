package org.waterhole.casestudy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;
import org.waterhole.shared.NotFoundException;

/**
 * Who read what, and who found it helpful. A reading is recorded each time a person opens a
 * published case study, except that reloads by the same person within {@link #SAME_READING}
 * count once. A person marks a case study helpful at most once; the case study keeps the count.
 */
@Service
@Transactional(readOnly = true)
public class Readings {

	/** Openings of the same case study by the same person within this time are one reading. */
	static final Duration SAME_READING = Duration.ofMinutes(30);

	private final JdbcClient jdbc;

	private final DepartmentService departments;

	private final Clock clock;

	Readings(JdbcClient jdbc, DepartmentService departments, Clock clock) {
		this.jdbc = jdbc;
		this.departments = departments;
		this.clock = clock;
	}

	/**
	 * Records that a person opened a published case study at {@code at}.
	 * @return whether it counted as a new reading
	 */
	@Transactional
	public boolean record(long caseStudyId, long personId, Long departmentId, Instant at) {
		// Two requests of the same person for the same case study wait for each other here, so
		// that a double reload can't count twice.
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('reading:' || :caseStudy || ':' || :person, 0))")
			.param("caseStudy", caseStudyId)
			.param("person", personId)
			.query(Object.class)
			.optional();
		OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
		int inserted = jdbc.sql("""
				insert into case_study_reading (case_study_id, person_id, department_id, read_at)
				select :caseStudy, :person, :department, :at
				where exists (select 1 from case_study where id = :caseStudy and status = 'PUBLISHED')
				  and not exists (select 1 from case_study_reading
				                  where case_study_id = :caseStudy and person_id = :person
				                    and read_at > :since and read_at <= :at)
				""")
			.param("caseStudy", caseStudyId)
			.param("person", personId)
			.param("department", departmentId)
			.param("at", when)
			.param("since", when.minus(SAME_READING))
			.update();
		return inserted == 1;
	}

	/**
	 * Marks a published case study helpful for a person, or takes the mark back.
	 * @return the case study's helpful count afterwards
	 */
	@Transactional
	public int markHelpful(long caseStudyId, long personId, Long departmentId, boolean helpful, Instant at) {
		Integer count = jdbc.sql("select helpful_count from case_study where id = :id and status = 'PUBLISHED' for update")
			.param("id", caseStudyId)
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Case study", caseStudyId));
		int changed;
		if (helpful) {
			changed = jdbc.sql("""
					insert into case_study_helpful (case_study_id, person_id, department_id, marked_at)
					values (:caseStudy, :person, :department, :at) on conflict do nothing
					""")
				.param("caseStudy", caseStudyId)
				.param("person", personId)
				.param("department", departmentId)
				.param("at", at.atOffset(ZoneOffset.UTC))
				.update();
		}
		else {
			changed = -jdbc.sql("delete from case_study_helpful where case_study_id = :caseStudy and person_id = :person")
				.param("caseStudy", caseStudyId)
				.param("person", personId)
				.update();
		}
		if (changed != 0) {
			jdbc.sql("update case_study set helpful_count = helpful_count + :change where id = :id")
				.param("change", changed)
				.param("id", caseStudyId)
				.update();
		}
		return count + changed;
	}

	/**
	 * Who read a case study from {@code from} to {@code to}, both days included, where the
	 * application is (its clock's zone).
	 */
	public List<Long> readerIds(LocalDate from, LocalDate to) {
		return jdbc.sql("select distinct person_id from case_study_reading where read_at >= :from and read_at < :until")
			.param("from", from.atStartOfDay(clock.getZone()).toOffsetDateTime())
			.param("until", to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime())
			.query(Long.class)
			.list();
	}

	public boolean isHelpfulFor(long caseStudyId, long personId) {
		return jdbc.sql("select exists (select 1 from case_study_helpful where case_study_id = :caseStudy and person_id = :person)")
			.param("caseStudy", caseStudyId)
			.param("person", personId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Readers, readings and helpful marks of one case study per department, the departments it
	 * is relevant to included even when nobody there has read it yet; most readers first.
	 */
	public ReachReport reach(long caseStudyId, Set<Long> relevantDepartments) {
		Map<Long, String> names = new HashMap<>();
		for (DepartmentOption option : departments.options()) {
			names.put(option.getId(), option.getName());
		}
		// Readings and helpful marks are counted apart and then joined, so that a mark from a
		// department nobody read in (the reader moved) still counts.
		List<DepartmentReach> rows = new ArrayList<>(jdbc.sql("""
				with read as (
				  select department_id, count(distinct person_id) as readers, count(*) as readings, max(read_at) as last_read
				  from case_study_reading where case_study_id = :id group by department_id),
				marked as (
				  select department_id, count(*) as helpful from case_study_helpful where case_study_id = :id
				  group by department_id)
				select coalesce(read.department_id, marked.department_id) as department_id,
				       coalesce(read.readers, 0) as readers, coalesce(read.readings, 0) as readings,
				       coalesce(marked.helpful, 0) as helpful, read.last_read
				from read full join marked on coalesce(read.department_id, -1) = coalesce(marked.department_id, -1)
				""").param("id", caseStudyId).query((rs, n) -> {
			Long department = (Long) rs.getObject("department_id");
			OffsetDateTime last = rs.getObject("last_read", OffsetDateTime.class);
			return new DepartmentReach(department, department == null ? null : names.get(department),
					rs.getLong("readers"), rs.getLong("readings"), rs.getLong("helpful"),
					last == null ? null : last.toInstant(), relevantDepartments.contains(department));
		}).list());
		Set<Long> present = new HashSet<>();
		rows.forEach(row -> present.add(row.departmentId()));
		for (Long relevant : relevantDepartments) {
			if (!present.contains(relevant)) {
				rows.add(new DepartmentReach(relevant, names.get(relevant), 0, 0, 0, null, true));
			}
		}
		rows.sort(Comparator.comparingLong(DepartmentReach::readers)
			.reversed()
			.thenComparing(r -> r.departmentName() == null ? "" : r.departmentName()));
		long readers = jdbc.sql("select count(distinct person_id) from case_study_reading where case_study_id = :id")
			.param("id", caseStudyId)
			.query(Long.class)
			.single();
		return new ReachReport(rows, readers);
	}

	/** One department's reach of a case study; {@code departmentId} is null for readers without one. */
	public record DepartmentReach(Long departmentId, String departmentName, long readers, long readings,
			long helpful, Instant lastRead, boolean relevant) {
	}

	/**
	 * Reach per department; {@code readers} counts each person once, even one who read it from
	 * two departments.
	 */
	public record ReachReport(List<DepartmentReach> departments, long readers) {

		public long readings() {
			return departments.stream().mapToLong(DepartmentReach::readings).sum();
		}

		public long helpful() {
			return departments.stream().mapToLong(DepartmentReach::helpful).sum();
		}

	}

}
