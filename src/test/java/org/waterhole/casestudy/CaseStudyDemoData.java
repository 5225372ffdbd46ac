package org.waterhole.casestudy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.OrganizationDemoData;
import org.waterhole.organization.PersonRow;
import org.waterhole.organization.PersonService;
import org.waterhole.shared.Platform;

/**
 * The demo library: the sample case studies of {@code demo/case-studies.yaml} (fictional
 * institutions and sources), published over the past years, with readings and helpful marks by
 * the demo organisation's people spread over the last two years. Loaded once, after the demo
 * organisation, when {@code waterhole.demo.enabled} is on. Those older than the time named
 * readings are kept are then folded into counts, as the nightly job would, so the demo shows
 * figures that reach back into folded months (the readers page of an older case study, a
 * department's readers in the playbook over the past year).
 */
@Component
@ConditionalOnBooleanProperty("waterhole.demo.enabled")
@Order(CaseStudyDemoData.ORDER)
class CaseStudyDemoData implements ApplicationRunner {

	static final int ORDER = OrganizationDemoData.ORDER + 10;

	private static final Logger log = LoggerFactory.getLogger(CaseStudyDemoData.class);

	private final CaseStudyService caseStudies;

	private final CaseStudyRepository repository;

	private final DepartmentService departments;

	private final PersonService people;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ReadingRetention retention;

	private final ReachDays reach;

	CaseStudyDemoData(CaseStudyService caseStudies, CaseStudyRepository repository, DepartmentService departments,
			PersonService people, JdbcTemplate jdbc, Clock clock, ReadingRetention retention, ReachDays reach) {
		this.caseStudies = caseStudies;
		this.repository = repository;
		this.departments = departments;
		this.people = people;
		this.jdbc = jdbc;
		this.clock = clock;
		this.retention = retention;
		this.reach = reach;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (repository.count() > 0) {
			return;
		}
		long author = people.idByEmail(OrganizationDemoData.STRATEGIST_EMAIL).orElseThrow();
		Map<String, Long> departmentIds = departments.options()
			.stream()
			.collect(Collectors.toMap(DepartmentOption::getName, DepartmentOption::getId));
		Instant now = clock.instant();
		Random random = new Random(42);
		List<Published> published = new ArrayList<>();
		List<Map<String, Object>> entries = entries();
		for (Map<String, Object> entry : entries) {
			LocalDate publishedOn = date(entry.get("publishedOn"));
			CaseStudyStatus status = CaseStudyStatus.valueOf(String.valueOf(entry.get("status")));
			Instant inLibrary = publishedOn.atStartOfDay(clock.getZone()).toInstant().plus(Duration.ofDays(3 + random.nextInt(40)));
			if (inLibrary.isAfter(now)) {
				inLibrary = now.minus(Duration.ofDays(1 + random.nextInt(10)));
			}
			Set<Long> relevant = strings(entry.get("departments")).stream()
				.map(departmentIds::get)
				.filter(Objects::nonNull)
				.collect(Collectors.toCollection(LinkedHashSet::new));
			CaseStudy.Content content = new CaseStudy.Content(String.valueOf(entry.get("title")),
					String.valueOf(entry.get("summary")), String.valueOf(entry.get("body")),
					String.join("\n", strings(entry.get("findings"))), String.valueOf(entry.get("source")),
					(String) entry.get("sourceUrl"), publishedOn,
					EvidenceType.valueOf(String.valueOf(entry.get("evidence"))),
					date(entry.get("reviewBy")),
					strings(entry.get("platforms")).stream().map(Platform::valueOf).collect(Collectors.toSet()),
					new LinkedHashSet<>(strings(entry.get("tags"))), relevant);
			long id = caseStudies.addHistoric(content, author, status,
					status == CaseStudyStatus.DRAFT ? null : inLibrary);
			if (status == CaseStudyStatus.PUBLISHED) {
				published.add(new Published(id, inLibrary, relevant));
			}
		}
		int[] counts = readAndMark(published, now, random);
		// Written in bulk, past the reach's upkeep: counted once for all.
		reach.recount();
		log.info("Loaded the demo library: {} case studies, {} readings, {} helpful marks", entries.size(),
				counts[0], counts[1]);
		retention.foldExpired();
	}

	/**
	 * Readings over the last two years: people of the relevant departments read more often, and
	 * some of those who read mark it helpful.
	 */
	private int[] readAndMark(List<Published> published, Instant now, Random random) {
		List<PersonRow> everyone = people.page(null, null, Pageable.unpaged()).getContent();
		Instant twoYearsAgo = now.minus(Duration.ofDays(730));
		List<Object[]> readings = new ArrayList<>();
		List<Object[]> marks = new ArrayList<>();
		for (Published caseStudy : published) {
			Instant from = caseStudy.inLibrary().isAfter(twoYearsAgo) ? caseStudy.inLibrary() : twoYearsAgo;
			long span = Math.max(1, Duration.between(from, now).toMinutes());
			for (PersonRow person : everyone) {
				boolean relevant = person.getDepartmentId() != null
						&& caseStudy.departments().contains(person.getDepartmentId());
				if (random.nextDouble() >= (relevant ? 0.45 : 0.04)) {
					continue;
				}
				Instant first = from.plus(Duration.ofMinutes((long) (random.nextDouble() * span)));
				readings.add(new Object[] { caseStudy.id(), person.getId(), person.getDepartmentId(), Timestamp.from(first) });
				if (random.nextDouble() < 0.2) {
					Instant again = first.plus(Duration.ofDays(1 + random.nextInt(60)));
					if (again.isBefore(now)) {
						readings.add(new Object[] { caseStudy.id(), person.getId(), person.getDepartmentId(),
								Timestamp.from(again) });
					}
				}
				if (random.nextDouble() < (relevant ? 0.3 : 0.15)) {
					marks.add(new Object[] { caseStudy.id(), person.getId(), person.getDepartmentId(),
							Timestamp.from(first.plus(Duration.ofMinutes(5))) });
				}
			}
		}
		jdbc.batchUpdate("insert into case_study_reading (case_study_id, person_id, department_id, read_at) values (?, ?, ?, ?)",
				readings);
		jdbc.batchUpdate("insert into case_study_helpful (case_study_id, person_id, department_id, marked_at) values (?, ?, ?, ?)"
				+ " on conflict do nothing", marks);
		jdbc.update("""
				insert into case_study_helpful_count (case_study_id, helpful)
				select case_study_id, count(*) from case_study_helpful group by case_study_id
				on conflict (case_study_id) do update set helpful = excluded.helpful""");
		return new int[] { readings.size(), marks.size() };
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> entries() {
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		try (InputStream in = new ClassPathResource("demo/case-studies.yaml").getInputStream()) {
			return (List<Map<String, Object>>) yaml.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** YAML dates arrive as {@link java.util.Date} at midnight UTC; quoted ones as text. */
	private static LocalDate date(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof java.util.Date date) {
			return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
		}
		return LocalDate.parse(value.toString());
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object list) {
		if (list == null) {
			return List.of();
		}
		return ((List<Object>) list).stream().map(String::valueOf).toList();
	}

	private record Published(long id, Instant inLibrary, Set<Long> departments) {
	}

}
