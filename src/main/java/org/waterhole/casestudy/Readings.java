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
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.PersonService;
import org.waterhole.shared.NotFoundException;

/**
 * Who read what, and who found it helpful. A reading is recorded each time a person opens a
 * published case study, except that reloads by the same person within {@link #SAME_READING}
 * count once. A person marks a case study helpful at most once; the case study keeps the count.
 * Readings and marks older than the time named readings are kept are folded into anonymous
 * counts ({@link ReadingRetention}); the figures here add those counts, and come out the same.
 */
@Service
@Transactional(readOnly = true)
public class Readings {

	/** Openings of the same case study by the same person within this time are one reading. */
	static final Duration SAME_READING = Duration.ofMinutes(30);

	/**
	 * One case study's readers, readings, helpful marks and the day it was last read, per
	 * department: named ones, and those folded into counts ({@link ReadingRetention}). Readings
	 * and marks are counted apart, so a mark from a department nobody read in (the reader moved)
	 * still counts.
	 */
	private static final String REACH = """
			select department_id, sum(readers) as readers, sum(readings) as readings, sum(helpful) as helpful,
			  max(last_read) as last_read
			from (
			  select department_id, count(distinct person_id) as readers, count(*) as readings, 0 as helpful,
			    max(read_at at time zone :zone)::date as last_read
			  from case_study_reading where case_study_id = :id group by department_id
			  union all
			  select department_id, 0, 0, count(*), null from case_study_helpful where case_study_id = :id
			  group by department_id
			  union all
			  select department_id, readers, readings, helpful, case when readings > 0 then day end
			  from case_study_reading_count where case_study_id = :id) counted
			group by department_id
			""";

	/** One case study's readers, each person once: named ones, and folded ones. */
	private static final String READERS = """
			select (select count(distinct person_id) from case_study_reading where case_study_id = :id)
			  + (select coalesce(sum(people), 0) from case_study_reading_count where case_study_id = :id)
			""";

	private final JdbcClient jdbc;

	private final DepartmentService departments;

	private final PersonService people;

	private final ReachDays reachDays;

	private final Clock clock;

	Readings(JdbcClient jdbc, DepartmentService departments, PersonService people, ReachDays reach, Clock clock) {
		this.jdbc = jdbc;
		this.departments = departments;
		this.people = people;
		this.reachDays = reach;
		this.clock = clock;
	}

	/**
	 * Records that a person opened a published case study at {@code at}; nothing for a person
	 * erased meanwhile (a request already under way), whose readings are folded already.
	 * @return whether it counted as a new reading
	 */
	@Transactional
	public boolean record(long caseStudyId, long personId, Long departmentId, Instant at) {
		if (!people.holdIfCurrent(personId)) {
			return false;
		}
		// Two requests of the same person wait for each other here, so that a double reload can't
		// count twice, nor two readings at once count the reader twice in the reach.
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('reading:' || :person, 0))")
			.param("person", personId)
			.query(Object.class)
			.optional();
		OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
		Optional<Long> reading = jdbc.sql("""
				insert into case_study_reading (case_study_id, person_id, department_id, read_at)
				select :caseStudy, :person, :department, :at
				where exists (select 1 from case_study where id = :caseStudy and status = 'PUBLISHED')
				  and not exists (select 1 from case_study_reading
				                  where case_study_id = :caseStudy and person_id = :person
				                    and read_at > :since and read_at <= :at)
				returning id
				""")
			.param("caseStudy", caseStudyId)
			.param("person", personId)
			.param("department", departmentId)
			.param("at", when)
			.param("since", when.minus(SAME_READING))
			.query(Long.class)
			.optional();
		if (reading.isPresent() && departmentId != null) {
			reachDays.add(reading.get(), personId, departmentId, LocalDate.ofInstant(at, clock.getZone()));
		}
		return reading.isPresent();
	}

	/**
	 * How many people found the case study {@code cs} helpful, as an SQL expression (those whose
	 * marks were folded still count).
	 */
	static final String HELPFUL_COUNT = """
			coalesce((select h.helpful from case_study_helpful_count h where h.case_study_id = cs.id), 0)""";

	/**
	 * Marks a published case study helpful for a person, or takes the mark back; nothing changes
	 * for a person erased meanwhile (a request already under way), whose marks are folded already.
	 * @return the case study's helpful count afterwards
	 */
	@Transactional
	public int markHelpful(long caseStudyId, long personId, Long departmentId, boolean helpful, Instant at) {
		boolean published = jdbc.sql("select exists (select 1 from case_study where id = :id and status = 'PUBLISHED')")
			.param("id", caseStudyId)
			.query(Boolean.class)
			.single();
		if (!published) {
			throw new NotFoundException("Case study", caseStudyId);
		}
		int changed = people.holdIfCurrent(personId) ? mark(caseStudyId, personId, departmentId, helpful, at) : 0;
		// One statement adds the change and answers the count, so that marks at once add up.
		return jdbc.sql("""
				insert into case_study_helpful_count (case_study_id, helpful) values (:id, greatest(:change, 0))
				on conflict (case_study_id) do update set helpful = case_study_helpful_count.helpful + :change
				returning helpful
				""").param("id", caseStudyId).param("change", changed).query(Integer.class).single();
	}

	/** Adds or removes the person's mark: 1 when added, -1 when removed, 0 when it was so already. */
	private int mark(long caseStudyId, long personId, Long departmentId, boolean helpful, Instant at) {
		if (helpful) {
			return jdbc.sql("""
					insert into case_study_helpful (case_study_id, person_id, department_id, marked_at)
					values (:caseStudy, :person, :department, :at) on conflict do nothing
					""")
				.param("caseStudy", caseStudyId)
				.param("person", personId)
				.param("department", departmentId)
				.param("at", at.atOffset(ZoneOffset.UTC))
				.update();
		}
		return -jdbc.sql("delete from case_study_helpful where case_study_id = :caseStudy and person_id = :person")
			.param("caseStudy", caseStudyId)
			.param("person", personId)
			.update();
	}

	/**
	 * How many people read a case study in the {@value ReachDays#DAYS} days up to and including
	 * {@code day} (where the application is), per department they were in when they read; each
	 * person once per department, named and folded readings alike. Departments nobody read in are
	 * left out, and so are readers without a department.
	 */
	public Map<Long, Long> readersByDepartment(LocalDate day) {
		return reachDays.on(day);
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
		List<DepartmentReach> rows = new ArrayList<>(jdbc.sql(REACH)
			.param("id", caseStudyId)
			.param("zone", clock.getZone().getId())
			.query((rs, n) -> {
				Long department = (Long) rs.getObject("department_id");
				return new DepartmentReach(department, department == null ? null : names.get(department),
						rs.getLong("readers"), rs.getLong("readings"), rs.getLong("helpful"),
						rs.getObject("last_read", LocalDate.class),
						department != null && relevantDepartments.contains(department));
			})
			.list());
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
		long readers = jdbc.sql(READERS)
			.param("id", caseStudyId)
			.query(Long.class)
			.single();
		return new ReachReport(rows, readers);
	}

	/**
	 * One department's reach of a case study; {@code departmentId} is null for readers without
	 * one; {@code lastRead}, the day of its latest reading there, where the application is.
	 */
	public record DepartmentReach(Long departmentId, String departmentName, long readers, long readings,
			long helpful, LocalDate lastRead, boolean relevant) {
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
