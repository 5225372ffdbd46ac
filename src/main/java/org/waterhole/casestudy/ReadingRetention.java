package org.waterhole.casestudy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.PersonErased;
import org.waterhole.shared.PrivacySettings;

/**
 * Folds named readings and helpful marks into anonymous counts and deletes them: those older than
 * the time named readings are kept ({@code waterhole.privacy.named-readings}), nightly, and all of
 * a person who is erased. Every figure of readers and helpful marks adds the counts to the named
 * rows, so it is the same before and after folding; only what is personal (what a person read,
 * whether they marked a case study helpful) is gone.
 * <p>
 * The work is done by SQL in one transaction, and one fold at a time (a database lock), so that
 * a fold is whole or not at all, and a second one finds nothing more to fold.
 */
@Service
class ReadingRetention {

	/** The nightly job's name (its ShedLock row and its meter tag). */
	static final String FOLD = "fold-named-readings";

	private static final Logger log = LoggerFactory.getLogger(ReadingRetention.class);

	private static final String ONE_AT_A_TIME = "select pg_advisory_xact_lock(hashtextextended('" + FOLD + "', 0))";

	/**
	 * The person-days of the readings to fold, each with the day on which the person next read
	 * something in the same department, from all their readings (folded or not). A day with a
	 * reading that stays named isn't folded: that reading still counts the person for the day.
	 */
	private static final String FOLD_READING_DAYS = """
			with days as (
			  select person_id, department_id, (read_at at time zone :zone)::date as day, bool_and(%1$s) as folded
			  from case_study_reading
			  where person_id in (select person_id from case_study_reading where %1$s)
			  group by person_id, department_id, day),
			chained as (
			  select department_id, day, folded,
			    lead(day) over (partition by person_id, department_id order by day) as next_day
			  from days)
			insert into reading_day_count (department_id, day, next_day, readers)
			select department_id, day, next_day, count(*) from chained where folded
			group by department_id, day, next_day
			""";

	/**
	 * The readings to fold per case study, department and day. A person counts as a reader on the
	 * row of their last reading of the case study in the department once all their readings of
	 * it there are folded, and as one of its people on the row of their last reading of it at all
	 * once all are folded: until then their named readings count them.
	 */
	private static final String FOLD_CASE_STUDY_READINGS = """
			with affected as (
			  select case_study_id, department_id, (read_at at time zone :zone)::date as day, (%1$s) as folded,
			    bool_and(%1$s) over (partition by case_study_id, person_id, department_id) as gone_here,
			    bool_and(%1$s) over (partition by case_study_id, person_id) as gone,
			    row_number() over (partition by case_study_id, person_id, department_id order by read_at desc) as nth_here,
			    row_number() over (partition by case_study_id, person_id order by read_at desc) as nth
			  from case_study_reading
			  where (case_study_id, person_id) in (select case_study_id, person_id from case_study_reading where %1$s))
			insert into case_study_reading_count (case_study_id, department_id, day, readings, readers, people, helpful)
			select case_study_id, department_id, day, count(*),
			  count(*) filter (where nth_here = 1 and gone_here), count(*) filter (where nth = 1 and gone), 0
			from affected where folded
			group by case_study_id, department_id, day
			""";

	/** The helpful marks to fold, deleted and counted per case study, department and day. */
	private static final String FOLD_MARKS = """
			with folded as (
			  delete from case_study_helpful where %s
			  returning case_study_id, department_id, (marked_at at time zone :zone)::date as day)
			insert into case_study_reading_count (case_study_id, department_id, day, readings, readers, people, helpful)
			select case_study_id, department_id, day, 0, 0, 0, count(*) from folded
			group by case_study_id, department_id, day
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PrivacySettings privacy;

	private final ApplicationEventPublisher events;

	ReadingRetention(JdbcClient jdbc, Clock clock, PrivacySettings privacy, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.privacy = privacy;
		this.events = events;
	}

	/**
	 * Folds the readings and helpful marks of the days before the first day still kept: today
	 * less {@code waterhole.privacy.named-readings}, where the application is.
	 */
	@Transactional
	public Folded foldExpired() {
		return foldBefore(LocalDate.now(clock).minus(privacy.namedReadings()));
	}

	/** Folds the readings and helpful marks of the days before {@code firstKept}. */
	@Transactional
	public Folded foldBefore(LocalDate firstKept) {
		Folded folded = fold("read_at < :cutoff", "marked_at < :cutoff",
				Map.of("cutoff", firstKept.atStartOfDay(clock.getZone()).toOffsetDateTime()));
		log.info("Folded {} named readings and {} helpful marks from before {} into counts", folded.readings(),
				folded.marks(), firstKept);
		return folded;
	}

	/** Folds all readings and helpful marks of one person, whatever their age. */
	@Transactional
	public Folded foldPerson(long personId) {
		return fold("person_id = :person", "person_id = :person", Map.of("person", personId));
	}

	/** An erased person's readings and marks are folded; their department's figures stay. */
	@ApplicationModuleListener
	void on(PersonErased erased) {
		foldPerson(erased.personId());
	}

	private Folded fold(String readings, String marks, Map<String, Object> params) {
		jdbc.sql(ONE_AT_A_TIME).query(Object.class).optional();
		jdbc.sql(FOLD_READING_DAYS.formatted(readings)).params(params).param("zone", zone()).update();
		jdbc.sql(FOLD_CASE_STUDY_READINGS.formatted(readings)).params(params).param("zone", zone()).update();
		int deleted = jdbc.sql("delete from case_study_reading where " + readings).params(params).update();
		int marked = jdbc.sql("select count(*) from case_study_helpful where " + marks)
			.params(params)
			.query(Integer.class)
			.single();
		jdbc.sql(FOLD_MARKS.formatted(marks)).params(params).param("zone", zone()).update();
		if (deleted + marked > 0) {
			events.publishEvent(new NamedReadingsFolded(deleted, marked));
		}
		return new Folded(deleted, marked);
	}

	private String zone() {
		return clock.getZone().getId();
	}

	/** How many named readings and helpful marks a fold turned into counts. */
	record Folded(int readings, int marks) {
	}

}
