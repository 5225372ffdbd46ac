package org.waterhole;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.datafaker.Faker;
import org.apache.commons.io.input.CharSequenceReader;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.waterhole.adoption.EventKind;
import org.waterhole.adoption.ObjectionCategory;
import org.waterhole.adoption.Stage;
import org.waterhole.casestudy.EvidenceType;
import org.waterhole.casestudy.ReachDays;
import org.waterhole.champion.ActivityKind;
import org.waterhole.experiment.Outcome;
import org.waterhole.shared.Platform;
import org.waterhole.shared.Tags;
import org.waterhole.support.EmbeddedDatabase;

/**
 * The "large institution" of the README's performance section: fills an empty Waterhole database with five
 * years of a large organisation's data, for the benchmark ({@code bench/generate}) and, scaled
 * down, for the query-plan tests. At scale 1: 120 departments, 25,000 people with accounts, 3,000
 * case studies with bodies of 300–1,500 words, 500,000 readings, 10,000 experiments with 100,000
 * measurements, 3,300 champions (about 2,500 active) with 60,000 activities and 30,000 adoption events, consistent
 * with what the application itself records (the adoption module's reports of the other modules'
 * events, its experiment read model, answered objections).
 * <p>
 * Distributions are skewed the way a real organisation is: a few departments are far more
 * active than the long tail, a few case studies are read far more than the rest, and activity
 * grows over the five years. Everything is written with PostgreSQL's {@code COPY} in one
 * transaction (nothing is left half-loaded), then vacuumed and analysed. The random source is
 * seeded, so two loads are the same.
 * <p>
 * Run {@code bench/generate}: it loads the embedded PostgreSQL kept in {@code .waterhole/large}
 * (port 54330; {@code WATERHOLE_LARGE_DATA} and {@code WATERHOLE_LARGE_DB_PORT} change them),
 * or the database of {@code SPRING_DATASOURCE_URL} (with {@code SPRING_DATASOURCE_USERNAME} and
 * {@code SPRING_DATASOURCE_PASSWORD}) when that is set. It refuses a database that already has
 * departments. Sign in as {@value #STRATEGIST}, {@value #MANAGER} or {@value #STAFF} with the
 * password {@value #PASSWORD}.
 */
public final class LargeInstitution {

	public static final String STRATEGIST = "strategist@large.waterhole";

	public static final String MANAGER = "manager@large.waterhole";

	public static final String STAFF = "staff@large.waterhole";

	public static final String PASSWORD = "waterhole-large";

	private static final ZoneId ZONE = ZoneId.systemDefault();

	private final DataSource dataSource;

	private final Size size;

	private final PrintStream progress;

	private final Random random = new Random(20261126L);

	private final Faker faker = new Faker(Locale.ENGLISH, new Random(7L));

	private final Words words = new Words();

	private final LocalDate today = LocalDate.now(ZONE);

	private final LocalDate firstDay = today.minusYears(5);

	private final long started = System.nanoTime();

	// What later tables refer to, kept from the earlier ones.
	private double[] departmentActivity;

	private int[] personDepartment;

	private String[] personName;

	private String[] personEmail;

	private Weighted peopleByKeenness;

	private Weighted[] peopleOfDepartment;

	private final List<Event> events = new ArrayList<>();

	public LargeInstitution(DataSource dataSource, double scale, PrintStream progress) {
		this.dataSource = dataSource;
		this.size = Size.of(scale);
		this.progress = progress;
	}

	public static void main(String[] args) throws Exception {
		// Progress is printed; libraries say only what went wrong.
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
		String url = System.getenv("SPRING_DATASOURCE_URL");
		EmbeddedPostgres embedded = null;
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		if (url != null && !url.isBlank()) {
			dataSource.setUrl(url);
			dataSource.setUser(System.getenv("SPRING_DATASOURCE_USERNAME"));
			dataSource.setPassword(System.getenv("SPRING_DATASOURCE_PASSWORD"));
		}
		else {
			Path directory = Path.of(env("WATERHOLE_LARGE_DATA", ".waterhole/large")).toAbsolutePath();
			int port = Integer.parseInt(env("WATERHOLE_LARGE_DB_PORT", "54330"));
			embedded = EmbeddedDatabase.persistent(directory, port);
			dataSource.setUrl(EmbeddedDatabase.jdbcUrl(embedded));
			url = "the embedded PostgreSQL on port " + port + " (data in " + directory + ")";
		}
		int status = 0;
		try {
			System.out.println("Loading the large institution (scale " + scale + ") into " + url);
			migrate(dataSource);
			Size loaded = new LargeInstitution(dataSource, scale, System.out).load();
			System.out.println("Done: " + loaded + ". Sign in as " + STRATEGIST + ", " + MANAGER + " or " + STAFF
					+ " with the password " + PASSWORD + ".");
		}
		catch (IllegalStateException ex) {
			System.err.println(ex.getMessage());
			status = 1;
		}
		finally {
			if (embedded != null) {
				embedded.close();
			}
		}
		System.exit(status);
	}

	private static String env(String name, String otherwise) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? otherwise : value;
	}

	/** Loads everything in one transaction, then vacuums and analyses; returns what it loaded. */
	public Size load() {
		try (Connection connection = dataSource.getConnection()) {
			refuseUnlessEmpty(connection);
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				// Committed for good before the vacuum, which then marks every page all-visible (index-only scans).
				statement.execute("set synchronous_commit = on");
			}
			try {
				departments(connection);
				people(connection);
				long[] published = caseStudies(connection);
				readings(connection, published);
				experiments(connection);
				champions(connection);
				adoption(connection);
				sequences(connection);
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			connection.setAutoCommit(true);
			step("Vacuuming and analysing");
			try (Statement statement = connection.createStatement()) {
				statement.execute("vacuum analyze");
			}
			step("Loaded in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
			return size;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not load the large institution: " + ex.getMessage(), ex);
		}
	}

	private void refuseUnlessEmpty(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				var result = statement.executeQuery("select (select count(*) from department) + (select count(*) "
						+ "from person) + (select count(*) from adoption_event)")) {
			result.next();
			if (result.getLong(1) > 0) {
				throw new IllegalStateException("This database already holds an organisation; the large institution "
						+ "is loaded into an empty one only (delete .waterhole/large, or point SPRING_DATASOURCE_URL "
						+ "at a new database).");
			}
		}
	}

	// Departments ------------------------------------------------------------------------------

	private void departments(Connection connection) throws SQLException {
		step("Departments: " + size.departments());
		departmentActivity = new double[size.departments()];
		Set<String> names = new HashSet<>();
		try (Copies copies = new Copies(connection)) {
			Copy copy = copies.to("department",
				"id, name, description, headcount, version, created_at, updated_at");
			for (int d = 0; d < size.departments(); d++) {
				// A few very active departments, a long tail: activity falls with rank, shuffled by id.
				departmentActivity[d] = 1.0 / Math.pow(1 + random.nextInt(size.departments()), 0.9);
				String name;
				do {
					name = words.departmentName(random);
				}
				while (!names.add(name.toLowerCase(Locale.ROOT)));
				Instant created = atStartOf(firstDay.minusDays(random.nextInt(400)));
				copy.row(d + 1, name, "Runs " + name.toLowerCase(Locale.ROOT) + " across the institution.", null, 0,
						created, created);
			}
		}
	}

	// People and accounts --------------------------------------------------------------------------

	private void people(Connection connection) throws SQLException {
		step("People and their accounts: " + size.people());
		int people = size.people();
		personDepartment = new int[people];
		personName = new String[people];
		personEmail = new String[people];
		double[] keenness = new double[people];
		// Department sizes vary tenfold; every department has people.
		double[] departmentSize = new double[size.departments()];
		for (int d = 0; d < departmentSize.length; d++) {
			departmentSize[d] = Math.exp(random.nextGaussian() * 0.8);
		}
		Weighted bySize = new Weighted(departmentSize);
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
		int[] headcount = new int[size.departments()];
		try (Copies copies = new Copies(connection)) {
			Copy person = copies.to("person",
				"id, name, email, job_title, department_id, version, created_at, updated_at");
			Copy account = copies.to("account",
						"id, person_id, password_hash, role, enabled, version, created_at, updated_at");
			for (int p = 0; p < people; p++) {
				int department = p < size.departments() ? p : bySize.pick(random);
				String first = faker.name().firstName();
				String last = faker.name().lastName();
				String name = first + " " + last;
				String email = switch (p) {
					case 0 -> STRATEGIST;
					case 1 -> MANAGER;
					case 2 -> STAFF;
					default -> (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + "." + (p + 1)
							+ "@large.waterhole";
				};
				String role = p == 0 || p % 2_500 == 3 ? "STRATEGIST" : p == 1 || p % 200 == 4 ? "MANAGER" : "STAFF";
				personDepartment[p] = department;
				personName[p] = name;
				personEmail[p] = email;
				keenness[p] = departmentActivity[department] * Math.exp(random.nextGaussian());
				headcount[department]++;
				Instant created = atStartOf(firstDay.plusDays(random.nextInt(5 * 365 - 30)));
				if (p < 3) {
					created = atStartOf(firstDay);
				}
				person.row(p + 1, name, email, faker.job().title(), department + 1, 0, created, created);
				account.row(p + 1, p + 1, hash, role, true, 0, created, created);
			}
		}
		peopleByKeenness = new Weighted(keenness);
		peopleOfDepartment = new Weighted[size.departments()];
		for (int d = 0; d < size.departments(); d++) {
			double[] own = new double[people];
			for (int p = 0; p < people; p++) {
				own[p] = personDepartment[p] == d ? keenness[p] : 0;
			}
			peopleOfDepartment[d] = new Weighted(own);
		}
		try (Statement statement = connection.createStatement()) {
			for (int d = 0; d < headcount.length; d++) {
				statement.addBatch("update department set headcount = " + (headcount[d] + random.nextInt(20))
						+ " where id = " + (d + 1));
			}
			statement.executeBatch();
		}
	}

	// Case studies, their readings and helpful marks ------------------------------------------------

	/** The publication instants of the case studies, by id − 1; 0 for drafts. */
	private long[] caseStudies(Connection connection) throws SQLException {
		step("Case studies: " + size.caseStudies() + ", with bodies of 300–1,500 words");
		long[] published = new long[size.caseStudies()];
		Platform[] platforms = Platform.values();
		EvidenceType[] evidence = EvidenceType.values();
		try (Copies copies = new Copies(connection)) {
			Copy caseStudy = copies.to("case_study", "id, title, summary, body, body_text, key_findings, "
				+ "source_name, source_url, published_on, evidence_type, status, review_by, author_id, published_at, "
				+ "version, created_at, updated_at");
			Copy platform = copies.to("case_study_platform", "case_study_id, platform");
			Copy tag = copies.to("case_study_tag", "case_study_id, tag");
			Copy department = copies.to("case_study_department", "case_study_id, department_id");
			for (int c = 0; c < size.caseStudies(); c++) {
				long id = c + 1;
				Story story = words.story(random, faker);
				double roll = random.nextDouble();
				String status = roll < 0.06 ? "DRAFT" : roll < 0.10 ? "ARCHIVED" : "PUBLISHED";
				LocalDate createdOn = firstDay.plusDays(random.nextInt(5 * 365));
				Instant created = atStartOf(createdOn).plusSeconds(random.nextInt(9 * 3600) + 8 * 3600);
				Instant publishedAt = null;
				if (!status.equals("DRAFT")) {
					publishedAt = created.plus(random.nextInt(20), ChronoUnit.DAYS);
					if (publishedAt.isAfter(Instant.now())) {
						publishedAt = Instant.now().minusSeconds(3600);
					}
					published[c] = publishedAt.toEpochMilli();
				}
				LocalDate source = createdOn.minusDays(random.nextInt(700));
				LocalDate reviewBy = publishedAt == null ? null : date(publishedAt).plusDays(365 + random.nextInt(400));
				caseStudy.row(id, story.title(), story.summary(), story.body(), story.bodyText(), story.findings(),
						story.source(), "https://example.org/cases/" + id, source,
						evidence[random.nextInt(evidence.length)].name(), status, reviewBy, random.nextBoolean() ? 1 : 4,
						publishedAt, publishedAt == null ? 0 : 1, created, publishedAt == null ? created : publishedAt);
				platform.row(id, story.platform().name());
				if (random.nextDouble() < 0.4) {
					Platform other = platforms[random.nextInt(platforms.length)];
					if (other != story.platform()) {
						platform.row(id, other.name());
					}
				}
				for (String t : story.tags()) {
					tag.row(id, Tags.normalize(t));
				}
				// Two in five are for the whole organisation; the others for one to three departments.
				List<Long> departments = new ArrayList<>();
				if (random.nextDouble() >= 0.4) {
					Set<Integer> chosen = new LinkedHashSet<>();
					int count = 1 + random.nextInt(3);
					while (chosen.size() < count) {
						chosen.add(random.nextInt(size.departments()));
					}
					for (int d : chosen) {
						department.row(id, d + 1);
						departments.add((long) d + 1);
					}
				}
				if (publishedAt != null) {
					events.add(Event.report(EventKind.CASE_STUDY_PUBLISHED, date(publishedAt), departments,
							story.title(), null, id, 0, null));
				}
			}
		}
		return published;
	}

	private void readings(Connection connection, long[] published) throws SQLException {
		step("Readings: " + size.readings() + ", and helpful marks");
		double[] popularity = new double[published.length];
		for (int c = 0; c < published.length; c++) {
			popularity[c] = published[c] == 0 ? 0 : 1.0 / Math.pow(1 + random.nextInt(published.length), 0.8);
		}
		Weighted caseStudies = new Weighted(popularity);
		long now = Instant.now().toEpochMilli();
		Set<Long> marked = new HashSet<>();
		int[] helpful = new int[published.length];
		try (Copies copies = new Copies(connection)) {
			Copy reading = copies.to("case_study_reading",
				"case_study_id, person_id, department_id, read_at");
			Copy mark = copies.to("case_study_helpful",
						"case_study_id, person_id, department_id, marked_at");
			for (int r = 0; r < size.readings(); r++) {
				int c = caseStudies.pick(random);
				int p = peopleByKeenness.pick(random);
				// Readings grow over time: most are recent.
				long readAt = published[c] + (long) ((now - published[c]) * Math.pow(random.nextDouble(), 0.6));
				Instant at = Instant.ofEpochMilli(readAt);
				reading.row(c + 1, p + 1, personDepartment[p] + 1, at);
				if (random.nextDouble() < 0.12 && marked.add((long) c * 1_000_000 + p)) {
					mark.row(c + 1, p + 1, personDepartment[p] + 1, at.plusSeconds(60 + random.nextInt(600)));
					helpful[c]++;
				}
				if ((r + 1) % 100_000 == 0) {
					step("  " + (r + 1) + " readings");
				}
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					insert into case_study_helpful_count (case_study_id, helpful)
					select case_study_id, count(*) from case_study_helpful group by case_study_id""");
		}
		step("  " + marked.size() + " helpful marks");
		// Copied past the reach's upkeep: counted once for all, days where the application runs.
		ReachDays.recount(JdbcClient.create(new SingleConnectionDataSource(connection, true)), ZoneId.systemDefault());
		step("  the reach per department and day counted");
	}

	// Experiments and measurements ---------------------------------------------------------------------

	private void experiments(Connection connection) throws SQLException {
		step("Experiments: " + size.experiments() + ", with " + size.measurements() + " measurements");
		Weighted departments = new Weighted(departmentActivity);
		Platform[] platforms = Platform.values();
		Outcome[] outcomes = Outcome.values();
		long measurementId = 0;
		// Measurements go to started experiments: about 7 in 10 started, so each has ~1.4 × the mean.
		double perStarted = size.measurements() / (size.experiments() * 0.70);
		try (Copies copies = new Copies(connection)) {
			Copy experiment = copies.to("experiment", "id, title, hypothesis, department_id, platform, "
				+ "owner_id, status, impact, confidence, ease, planned_start, planned_end, actual_start, actual_end, "
				+ "metric_name, metric_unit, baseline, target, direction, outcome, learnings, abandon_reason, version, "
				+ "created_at, updated_at");
			Copy measurement = copies.to("experiment_measurement",
						"id, experiment_id, measured_on, value, note, version, created_at, updated_at");
			Copy inspired = copies.to("experiment_case_study", "experiment_id, case_study_id");
			Copy run = copies.to("adoption_experiment",
						"experiment_id, department_id, started_on, ended_on, outcome, abandoned, sequence");
			for (int e = 0; e < size.experiments(); e++) {
				long id = e + 1;
				int department = departments.pick(random);
				int owner = peopleOfDepartment[department].pick(random);
				Platform platform = platforms[random.nextInt(platforms.length)];
				String[] metric = words.metric(random);
				String title = words.experimentTitle(random, platform);
				double roll = random.nextDouble();
				String status = roll < 0.12 ? "IDEA" : roll < 0.20 ? "PLANNED" : roll < 0.30 ? "RUNNING"
						: roll < 0.86 ? "COMPLETED" : "ABANDONED";
				boolean ran = status.equals("RUNNING") || status.equals("COMPLETED")
						|| (status.equals("ABANDONED") && random.nextBoolean());
				LocalDate created = status.equals("RUNNING") ? today.minusDays(30 + random.nextInt(200))
						: firstDay.plusDays(random.nextInt(5 * 365 - 60));
				LocalDate start = ran ? created.plusDays(random.nextInt(30)) : null;
				if (status.equals("RUNNING") && start.isAfter(today)) {
					start = today;
				}
				LocalDate end = null;
				if (status.equals("COMPLETED") || (status.equals("ABANDONED"))) {
					LocalDate from = start != null ? start : created;
					end = from.plusDays(14 + random.nextInt(120));
					if (end.isAfter(today)) {
						end = today;
					}
				}
				LocalDate plannedStart = start != null ? start : created.plusDays(7 + random.nextInt(60));
				LocalDate plannedEnd = plannedStart.plusDays(28 + random.nextInt(90));
				BigDecimal baseline = BigDecimal.valueOf(10 + random.nextInt(990));
				boolean up = random.nextDouble() < 0.85;
				BigDecimal target = up ? baseline.multiply(BigDecimal.valueOf(1.1 + random.nextDouble()))
					.setScale(0, RoundingMode.HALF_UP)
						: baseline.multiply(BigDecimal.valueOf(0.5 + random.nextDouble() * 0.4))
							.setScale(0, RoundingMode.HALF_UP);
				Outcome outcome = status.equals("COMPLETED") ? outcomes[random.nextDouble() < 0.5 ? 0
						: random.nextDouble() < 0.6 ? 1 : 2] : null;
				long version = 0;
				List<Long> here = List.of((long) department + 1);
				if (start != null) {
					version++;
					events.add(Event.report(EventKind.EXPERIMENT_STARTED, start, here, title, null, id, version, null));
				}
				if (status.equals("COMPLETED")) {
					version++;
					events.add(Event.report(EventKind.EXPERIMENT_COMPLETED, end, here, title, outcome.name(), id,
							version, null));
				}
				if (status.equals("ABANDONED")) {
					version++;
					events.add(Event.report(EventKind.EXPERIMENT_ABANDONED, end, here, title,
							start == null ? null : "STARTED", id, version, null));
				}
				if (version > 0) {
					run.row(id, department + 1, start, end, outcome == null ? null : outcome.name(),
							status.equals("ABANDONED"), version);
				}
				LocalDate updated = end != null ? end : start != null ? start : created;
				experiment.row(id, title, words.hypothesis(random, platform, metric[0]), department + 1,
						platform.name(), owner + 1, status, 1 + random.nextInt(10), 1 + random.nextInt(10),
						1 + random.nextInt(10), plannedStart, plannedEnd, start, end, metric[0], metric[1], baseline,
						target, up ? "UP" : "DOWN", outcome == null ? null : outcome.name(),
						outcome == null ? null : words.learnings(random, platform),
						status.equals("ABANDONED") ? words.abandonReason(random) : null, version, atStartOf(created),
						notLaterThanNow(atStartOf(updated).plusSeconds(36_000)));
				if (random.nextDouble() < 0.3) {
					inspired.row(id, 1 + random.nextInt(size.caseStudies()));
				}
				if (start != null) {
					LocalDate last = end != null ? end : today;
					long days = Math.max(1, ChronoUnit.DAYS.between(start, last));
					int count = (int) Math.max(1, Math.round(perStarted * (0.3 + 1.4 * random.nextDouble())));
					double value = baseline.doubleValue();
					double step = (target.doubleValue() - value) / count;
					for (int m = 0; m < count && measurementId < size.measurements(); m++) {
						LocalDate on = start.plusDays(days * m / count);
						value = Math.max(0, value + step * (0.2 + 1.3 * random.nextDouble())
								+ random.nextGaussian() * baseline.doubleValue() * 0.03);
						measurement.row(++measurementId, id, on, BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP),
								random.nextDouble() < 0.15 ? words.measurementNote(random) : null, 0, atStartOf(on),
								atStartOf(on));
					}
				}
			}
		}
		step("  " + measurementId + " measurements");
	}

	// Champions, their activities, volunteers -------------------------------------------------------------

	private void champions(Connection connection) throws SQLException {
		step("Champions: " + size.champions() + ", with " + size.activities() + " activities");
		Platform[] platforms = Platform.values();
		ActivityKind[] kinds = ActivityKind.values();
		Set<Integer> chosen = new HashSet<>();
		int[] person = new int[size.champions()];
		LocalDate[] since = new LocalDate[size.champions()];
		LocalDate[] until = new LocalDate[size.champions()];
		double[] zeal = new double[size.champions()];
		try (Copies copies = new Copies(connection)) {
			Copy champion = copies.to("champion", "id, person_id, person_name, person_email, "
				+ "department_id, since, status, pitch, open_to_mentoring, version, created_at, updated_at");
			Copy platform = copies.to("champion_platform", "champion_id, platform");
			Copy skill = copies.to("champion_skill", "champion_id, skill");
			for (int c = 0; c < size.champions(); c++) {
				int p;
				do {
					p = peopleByKeenness.pick(random);
				}
				while (!chosen.add(p));
				long id = c + 1;
				person[c] = p;
				since[c] = firstDay.plusDays(random.nextInt(5 * 365 - 14));
				double roll = random.nextDouble();
				String status = roll < 0.76 ? "ACTIVE" : roll < 0.84 ? "PAUSED" : "ALUMNI";
				long version = 0;
				List<Long> here = List.of((long) personDepartment[p] + 1);
				events.add(Event.report(EventKind.CHAMPION_JOINED, since[c], here, personName[p], null, id, 0,
						(long) personDepartment[p] + 1));
				if (!status.equals("ACTIVE")) {
					long days = ChronoUnit.DAYS.between(since[c], today);
					until[c] = since[c].plusDays(7 + random.nextLong(Math.max(8, days - 7)));
					if (until[c].isAfter(today)) {
						until[c] = today;
					}
					version = 1;
					events.add(Event.report(EventKind.CHAMPION_LEFT, until[c], here, personName[p], status, id, 1, null));
				}
				zeal[c] = Math.exp(random.nextGaussian()) * departmentActivity[personDepartment[p]];
				Instant created = atStartOf(since[c]);
				champion.row(id, p + 1, personName[p], personEmail[p], personDepartment[p] + 1, since[c], status,
						words.pitch(random), random.nextDouble() < 0.45, version, created,
						until[c] == null ? created : atStartOf(until[c]));
				Set<Platform> own = new LinkedHashSet<>();
				int count = 1 + random.nextInt(3);
				while (own.size() < count) {
					own.add(platforms[random.nextInt(platforms.length)]);
				}
				for (Platform each : own) {
					platform.row(id, each.name());
				}
				for (String each : words.skills(random)) {
					skill.row(id, Tags.normalize(each));
				}
			}
		}
		Weighted byZeal = new Weighted(zeal);
		try (Copies copies = new Copies(connection)) {
			Copy activity = copies.to("champion_activity", "id, champion_id, department_id, occurred_on, "
				+ "kind, description, reach, link, recorded_by, version, created_at, updated_at");
			for (int a = 0; a < size.activities(); a++) {
				int c = byZeal.pick(random);
				LocalDate last = until[c] != null ? until[c] : today;
				long days = Math.max(1, ChronoUnit.DAYS.between(since[c], last));
				LocalDate on = since[c].plusDays((long) (days * Math.pow(random.nextDouble(), 0.7)));
				ActivityKind kind = kinds[random.nextInt(kinds.length)];
				activity.row(a + 1, c + 1, personDepartment[person[c]] + 1, on, kind.name(),
						words.activity(random, kind), random.nextDouble() < 0.7 ? 5 + random.nextInt(400) : null,
						random.nextDouble() < 0.3 ? "https://intranet.example.org/posts/" + (a + 1) : null,
						random.nextDouble() < 0.8 ? person[c] + 1 : 1, 0, atStartOf(on), atStartOf(on));
			}
		}
		try (Copies copies = new Copies(connection)) {
			Copy request = copies.to("champion_request",
				"id, person_id, pitch, platforms, skills, open_to_mentoring, status, version, created_at, updated_at");
			int pending = Math.max(3, size.champions() / 100);
			for (int r = 0; r < pending; r++) {
				int p;
				do {
					p = peopleByKeenness.pick(random);
				}
				while (!chosen.add(p));
				Instant at = atStartOf(today.minusDays(random.nextInt(30)));
				request.row(r + 1, p + 1, words.pitch(random), platforms[random.nextInt(platforms.length)].name(),
						String.join(",", words.skills(random).stream().map(Tags::normalize).toList()), false, "PENDING",
						0, at, at);
			}
		}
	}

	// The adoption history ------------------------------------------------------------------------------

	private void adoption(Connection connection) throws SQLException {
		int reports = events.size();
		int recorded = Math.max(size.departments() * 4, size.events() - reports);
		step("Adoption events: " + reports + " reports of the other modules, " + recorded + " recorded by people");
		Weighted departments = new Weighted(departmentActivity);
		List<Event> byPeople = new ArrayList<>();
		// Stage changes: each department moves on at its own pace, now and then back.
		Stage[] stages = Stage.values();
		for (int d = 0; d < size.departments(); d++) {
			int reach = (int) Math.min(stages.length - 1,
					Math.round(departmentActivity[d] * 6 + random.nextDouble() * 2.2));
			Stage current = null;
			LocalDate on = firstDay.plusDays(random.nextInt(200));
			for (int s = 1; s <= reach; s++) {
				Stage next = stages[s];
				if (current != null && current.ordinal() > 1 && random.nextDouble() < 0.08) {
					Stage back = stages[current.ordinal() - 1];
					byPeople.add(Event.stage(d, on, current, back, words.stageTitle(back)));
					current = back;
					on = on.plusDays(30 + random.nextInt(120));
				}
				byPeople.add(Event.stage(d, on, current, next, words.stageTitle(next)));
				current = next;
				on = on.plusDays(60 + random.nextInt((int) Math.max(61, 1400 / (reach + 1))));
				if (on.isAfter(today)) {
					break;
				}
			}
		}
		ObjectionCategory[] categories = ObjectionCategory.values();
		List<Event> objections = new ArrayList<>();
		while (byPeople.size() < recorded) {
			int d = departments.pick(random);
			LocalDate on = firstDay.plusDays((long) (5 * 365 * Math.pow(random.nextDouble(), 0.7)));
			double roll = random.nextDouble();
			if (roll < 0.3) {
				ObjectionCategory category = categories[random.nextInt(categories.length)];
				Event objection = Event.recorded(EventKind.OBJECTION, d, on, words.objection(random, category),
						words.sentence(random), category, null);
				objections.add(objection);
				byPeople.add(objection);
			}
			else if (roll < 0.55) {
				byPeople.add(Event.recorded(EventKind.MILESTONE, d, on, words.milestone(random), null, null, null));
			}
			else {
				// Some notes and milestones answer an earlier objection of their department.
				Event answered = null;
				if (!objections.isEmpty() && random.nextDouble() < 0.35) {
					int which = random.nextInt(objections.size());
					Event objection = objections.get(which);
					if (objection.departmentIds.get(0) == d + 1 && objection.on.isBefore(today)) {
						answered = objections.remove(which);
						on = objection.on.plusDays(1 + random.nextInt(
								(int) Math.max(1, Math.min(200, ChronoUnit.DAYS.between(objection.on, today)))));
					}
				}
				byPeople.add(Event.recorded(EventKind.NOTE, d, on, answered != null
						? "Answered: " + answered.title : words.note(random), words.sentence(random), null, answered));
			}
		}
		events.addAll(byPeople);
		// Ids follow the days, as if recorded as they happened; a stage change comes first on its day.
		events.sort(Comparator.comparing((Event event) -> event.on)
			.thenComparing(event -> event.kind == EventKind.STAGE_CHANGE ? 0 : 1));
		for (int i = 0; i < events.size(); i++) {
			events.get(i).id = i + 1;
		}
		try (Copies copies = new Copies(connection)) {
			Copy copy = copies.to("adoption_event", "id, occurred_on, kind, department_ids, title, details, "
				+ "from_stage, to_stage, objection_category, answers_id, subject_id, subject_sequence, "
				+ "champion_department_id, source_key, recorded_by, recorded_at");
			for (Event event : events) {
				boolean report = event.subjectId != null;
				copy.row(event.id, event.on, event.kind.name(), event.departmentIds, cut(event.title, 300), event.details,
						event.from == null ? null : event.from.name(), event.to == null ? null : event.to.name(),
						event.category == null ? null : event.category.name(),
						event.answers == null ? null : event.answers.id, event.subjectId, event.sequence,
						event.championDepartmentId,
						report ? event.kind.name().toLowerCase(Locale.ROOT) + ":" + event.subjectId + ":" + event.sequence
								: null,
						report ? null : 1L, notLaterThanNow(atStartOf(event.on).plusSeconds(11 * 3600)));
			}
		}
		size.eventsLoaded = events.size();
	}

	private void sequences(Connection connection) throws SQLException {
		step("Sequences");
		try (Statement statement = connection.createStatement()) {
			for (String table : List.of("department", "person", "account", "case_study", "experiment",
					"experiment_measurement", "champion", "champion_activity", "champion_request")) {
				statement.execute("select setval('" + table + "_seq', (select coalesce(max(id), 0) + 100 from " + table
						+ "))");
			}
			statement.execute("select setval(pg_get_serial_sequence('adoption_event', 'id'), "
					+ "(select max(id) from adoption_event))");
		}
	}

	// Helpers ---------------------------------------------------------------------------------------

	private void step(String what) {
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
		progress.printf("[%3d s] %s%n", seconds, what);
		progress.flush();
	}

	/** A time of day on a day that may be today: not in the future ("in 2 hours" on the pages). */
	private static Instant notLaterThanNow(Instant instant) {
		Instant now = Instant.now();
		return instant.isAfter(now) ? now : instant;
	}

	private static Instant atStartOf(LocalDate day) {
		return day.atStartOfDay(ZONE).toInstant();
	}

	private static LocalDate date(Instant instant) {
		return instant.atZone(ZONE).toLocalDate();
	}

	private static String cut(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length);
	}

	/** How much of each, at a scale; 1 is the large institution of the README's performance section. */
	public static final class Size {

		private final int departments;

		private final int people;

		private final int caseStudies;

		private final int readings;

		private final int experiments;

		private final int measurements;

		private final int champions;

		private final int activities;

		private final int events;

		private int eventsLoaded;

		private Size(double scale) {
			this.departments = Math.max(20, (int) Math.round(120 * scale));
			this.people = Math.max(200, (int) Math.round(25_000 * scale));
			this.caseStudies = Math.max(50, (int) Math.round(3_000 * scale));
			this.readings = (int) Math.round(500_000 * scale);
			this.experiments = Math.max(50, (int) Math.round(10_000 * scale));
			this.measurements = (int) Math.round(100_000 * scale);
			this.champions = Math.max(30, (int) Math.round(3_300 * scale));
			this.activities = (int) Math.round(60_000 * scale);
			this.events = (int) Math.round(30_000 * scale);
		}

		static Size of(double scale) {
			if (!(scale > 0 && scale <= 10)) {
				throw new IllegalStateException("The scale is a number above 0 and at most 10, not " + scale);
			}
			return new Size(scale);
		}

		public int departments() {
			return departments;
		}

		public int people() {
			return people;
		}

		public int caseStudies() {
			return caseStudies;
		}

		public int readings() {
			return readings;
		}

		public int experiments() {
			return experiments;
		}

		public int measurements() {
			return measurements;
		}

		public int champions() {
			return champions;
		}

		public int activities() {
			return activities;
		}

		public int events() {
			return events;
		}

		/** How many adoption events were loaded (reports and recorded ones), once loaded. */
		public int eventsLoaded() {
			return eventsLoaded;
		}

		@Override
		public String toString() {
			return departments + " departments, " + people + " people with accounts, " + caseStudies
					+ " case studies, " + readings + " readings, " + experiments + " experiments (up to " + measurements
					+ " measurements), " + champions + " champions, " + activities + " activities, " + eventsLoaded
					+ " adoption events";
		}

	}

	/** Picks an index with a probability proportional to its weight. */
	private static final class Weighted {

		private final double[] cumulative;

		Weighted(double[] weights) {
			cumulative = new double[weights.length];
			double sum = 0;
			for (int i = 0; i < weights.length; i++) {
				sum += weights[i];
				cumulative[i] = sum;
			}
			if (sum <= 0) {
				throw new IllegalStateException("Nothing to pick from");
			}
		}

		int pick(Random random) {
			double target = random.nextDouble() * cumulative[cumulative.length - 1];
			int found = Arrays.binarySearch(cumulative, target);
			// The first index whose cumulative weight is above the target has a weight above zero.
			int index = Math.min(found >= 0 ? found + 1 : -found - 1, cumulative.length - 1);
			while (index > 0 && cumulative[index] == cumulative[index - 1]) {
				index--;
			}
			return index;
		}

	}

	/** One adoption event, reported by a module or recorded by the strategist. */
	private static final class Event {

		long id;

		LocalDate on;

		EventKind kind;

		List<Long> departmentIds;

		String title;

		String details;

		Stage from;

		Stage to;

		ObjectionCategory category;

		Event answers;

		Long subjectId;

		Long sequence;

		Long championDepartmentId;

		static Event report(EventKind kind, LocalDate on, List<Long> departments, String title, String outcome,
				long subject, long sequence, Long championDepartment) {
			Event event = new Event();
			event.kind = kind;
			event.on = on;
			event.departmentIds = departments;
			event.title = title;
			event.details = outcome;
			event.subjectId = subject;
			event.sequence = sequence;
			event.championDepartmentId = championDepartment;
			return event;
		}

		static Event stage(int department, LocalDate on, Stage from, Stage to, String title) {
			Event event = recorded(EventKind.STAGE_CHANGE, department, on, title, null, null, null);
			event.from = from;
			event.to = to;
			return event;
		}

		static Event recorded(EventKind kind, int department, LocalDate on, String title, String details,
				ObjectionCategory category, Event answers) {
			Event event = new Event();
			event.kind = kind;
			event.on = on;
			event.departmentIds = List.of((long) department + 1);
			event.title = title;
			event.details = details;
			event.category = category;
			event.answers = answers;
			return event;
		}

	}

	/**
	 * Tables filled together: a connection runs one {@code COPY} at a time and rows of several
	 * tables are made together, so each table's rows are kept until {@link #close()} sends them,
	 * table after table in the order they were asked for (parents before children).
	 */
	private static final class Copies implements AutoCloseable {

		private final Connection connection;

		private final List<Copy> copies = new ArrayList<>();

		Copies(Connection connection) {
			this.connection = connection;
		}

		Copy to(String table, String columns) {
			Copy copy = new Copy(connection, table, columns);
			copies.add(copy);
			return copy;
		}

		@Override
		public void close() throws SQLException {
			for (Copy copy : copies) {
				copy.send();
			}
		}

	}

	/** Rows for one table through {@code COPY ... FROM STDIN} (text format). */
	private static final class Copy {

		private final Connection connection;

		private final String sql;

		private final StringBuilder buffer = new StringBuilder(1 << 16);

		Copy(Connection connection, String table, String columns) {
			this.connection = connection;
			this.sql = "copy " + table + " (" + columns + ") from stdin";
		}

		void row(Object... values) {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					buffer.append('\t');
				}
				append(values[i]);
			}
			buffer.append('\n');
		}

		private void append(Object value) {
			if (value == null) {
				buffer.append("\\N");
			}
			else if (value instanceof List<?> list) {
				StringJoiner array = new StringJoiner(",", "{", "}");
				list.forEach(each -> array.add(String.valueOf(each)));
				buffer.append(array);
			}
			else if (value instanceof Boolean flag) {
				buffer.append(flag ? 't' : 'f');
			}
			else if (value instanceof String text) {
				for (int i = 0; i < text.length(); i++) {
					char c = text.charAt(i);
					switch (c) {
						case '\\' -> buffer.append("\\\\");
						case '\t' -> buffer.append("\\t");
						case '\n' -> buffer.append("\\n");
						case '\r' -> buffer.append("\\r");
						default -> buffer.append(c);
					}
				}
			}
			else {
				// Numbers, LocalDate and Instant: their ISO text is what PostgreSQL reads.
				buffer.append(value);
			}
		}

		void send() throws SQLException {
			try {
				connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new CharSequenceReader(buffer));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			buffer.setLength(0);
		}

	}

	/** A case study's texts. */
	record Story(String title, String summary, String body, String bodyText, String findings, String source,
			Platform platform, List<String> tags) {
	}

	/** English texts about social media at an institution, from templates and Datafaker's names. */
	private static final class Words {

		private static final String[] AREAS = { "Admissions", "Alumni Relations", "Research", "Libraries", "Estates",
				"Finance", "Human Resources", "Student Services", "Careers", "International Office", "Sport",
				"Museum", "Archives", "Chemistry", "Physics", "Mathematics", "Biology", "Medicine", "Nursing", "Law",
				"History", "Philosophy", "Music", "Fine Art", "Architecture", "Engineering", "Computer Science",
				"Economics", "Business", "Psychology", "Sociology", "Education", "Languages", "Geography",
				"Environmental Science", "Public Health", "Veterinary Science", "Dentistry", "Pharmacy", "Theatre",
				"Journalism", "Procurement", "IT Services", "Security", "Catering", "Accommodation", "Chaplaincy",
				"Disability Support", "Fundraising", "Governance", "Planning", "Quality", "Teaching Innovation",
				"Digital Learning", "Continuing Education", "Executive Education", "Enterprise", "Sustainability",
				"Widening Participation", "Graduate School" };

		private static final String[] KINDS = { "Department of", "Office of", "School of", "Centre for", "Institute of",
				"Unit for", "Service for" };

		private static final String[] FORMATS = { "short video", "live stream", "carousel", "newsletter",
				"behind-the-scenes story", "Q&A session", "podcast clip", "infographic", "photo series",
				"user-generated content", "video series", "student takeover", "explainer video", "poll" };

		private static final String[] AUDIENCES = { "prospective students", "alumni", "researchers",
				"local residents", "donors", "staff", "parents", "industry partners", "journalists",
				"current students", "policy makers", "school teachers" };

		private static final String[][] METRICS = { { "Engagement rate", "%" }, { "Reach", "people" },
				{ "Click-through rate", "%" }, { "New followers", "followers" }, { "Applications", "applications" },
				{ "Event sign-ups", "sign-ups" }, { "Video views", "views" }, { "Shares", "shares" },
				{ "Comments", "comments" }, { "Enquiries", "enquiries" }, { "Newsletter sign-ups", "sign-ups" },
				{ "Response time", "hours" } };

		private static final String[] METRIC_NAMES = Arrays.stream(METRICS)
			.map(metric -> metric[0].toLowerCase(Locale.ROOT))
			.toArray(String[]::new);

		private static final String[] SKILLS = { "video editing", "copywriting", "photography", "analytics",
				"community management", "live streaming", "design", "storytelling", "podcasting", "accessibility",
				"paid social", "crisis communication", "employee advocacy", "short video", "newsletters" };

		private static final String[] TOPICS = { "video engagement", "audience growth", "employee advocacy",
				"research impact", "student recruitment", "community building", "brand trust", "event promotion",
				"crisis response", "accessibility", "content planning", "social listening" };

		private static final String[] SENTENCES = { "The team posted a {format} every week for {n} weeks and tracked {metric} against the same period a year earlier.",
				"Engagement with {format} content on {platform} rose by {n}% while the time spent on each post fell.",
				"{audience} responded best to posts that showed real people and real places rather than polished graphics.",
				"Attention was highest in the first three seconds, so every {format} opened with its strongest image.",
				"The department agreed a simple approval path: one reviewer, one day, and a shared calendar everybody could see.",
				"Comments from {audience} doubled once staff answered questions within the hour instead of the next day.",
				"A champion in the department ran a thirty-minute workshop, and within a month {n} colleagues had posted for the first time.",
				"The biggest obstacle was not skills but time: posts that took more than twenty minutes to prepare were quietly dropped.",
				"Measuring {metric} every week made the trend visible to the head of department, who then asked for more.",
				"Short captions with a clear question at the end brought {n}% more replies than long announcements.",
				"Posting at lunchtime reached more {audience} than posting first thing in the morning.",
				"The experiment was repeated in a second department, where the effect on {metric} was smaller but still clear.",
				"Accessibility improved reach as well: subtitles on every video meant more people watched to the end.",
				"The audience growth came mostly from shares by {audience}, not from paid promotion.",
				"Several staff worried about the risk of saying something wrong in public, so the team wrote a one-page guide with examples.",
				"Research impact became easier to show once each paper was summarised in a {format} with a link to the full text.",
				"Over {n} weeks the account moved from occasional announcements to a steady conversation with its community.",
				"The results were shared at a staff meeting, and two neighbouring teams asked to try the same {format}.",
				"Brand trust rose in the annual survey, and respondents named the {platform} account as a reason.",
				"Not everything worked: a paid {platform} campaign cost more per enquiry than the organic posts it replaced.",
				"Social listening showed what {audience} were already asking, and the next month's posts answered those questions.",
				"The department now plans content a month ahead and reviews {metric} at the end of each month." };

		String departmentName(Random random) {
			String area = AREAS[random.nextInt(AREAS.length)];
			return random.nextDouble() < 0.15 ? area
					: KINDS[random.nextInt(KINDS.length)] + " " + area
							+ (random.nextDouble() < 0.3 ? " " + (char) ('A' + random.nextInt(6)) : "");
		}

		Story story(Random random, Faker faker) {
			Platform platform = Platform.values()[random.nextInt(Platform.values().length)];
			String format = pick(random, FORMATS);
			String audience = pick(random, AUDIENCES);
			String metric = pick(random, METRICS)[0].toLowerCase(Locale.ROOT);
			String organisation = random.nextBoolean() ? faker.university().name() : faker.company().name();
			String topic = pick(random, TOPICS);
			int percent = 5 + random.nextInt(180);
			String title = switch (random.nextInt(5)) {
				case 0 -> "How " + organisation + " grew " + metric + " with " + format + " on " + label(platform);
				case 1 -> percent + "% more " + metric + ": " + organisation + "'s " + format + " experiment";
				case 2 -> "What " + audience + " want from " + label(platform) + ": lessons in " + topic;
				case 3 -> capitalise(topic) + " at " + organisation + ": a year of " + format + "s";
				default -> "From silence to conversation: " + organisation + " and " + audience + " on "
						+ label(platform);
			};
			String summary = capitalise(organisation) + " used " + format + "s on " + label(platform) + " to reach "
					+ audience + ". " + fill(random, pick(random, SENTENCES), platform, format, audience, metric) + " "
					+ capitalise(metric)
					+ " changed by " + percent + "% over the period.";
			StringBuilder body = new StringBuilder();
			StringBuilder text = new StringBuilder();
			int target = 300 + random.nextInt(1_201);
			int written = 0;
			String[] headings = { "Background", "What they tried", "Results", "What we can learn" };
			for (int h = 0; written < target; h++) {
				if (h < headings.length) {
					body.append("## ").append(headings[h]).append("\n\n");
					text.append(headings[h]).append("\n\n");
				}
				StringBuilder paragraph = new StringBuilder();
				int sentences = 3 + random.nextInt(5);
				for (int s = 0; s < sentences; s++) {
					String sentence = fill(random, pick(random, SENTENCES), platform, format, audience, metric);
					paragraph.append(s == 0 ? "" : " ").append(sentence);
					written += sentence.split(" ").length;
				}
				body.append(paragraph).append("\n\n");
				text.append(paragraph).append("\n\n");
			}
			String findings = "- " + capitalise(metric) + " rose by " + percent + "%\n- " + capitalise(format)
					+ "s worked best with " + audience + "\n- "
					+ fill(random, pick(random, SENTENCES), platform, format, audience, metric);
			List<String> tags = new ArrayList<>(new LinkedHashSet<>(List.of(topic, format.toLowerCase(Locale.ROOT),
					pick(random, TOPICS))));
			return new Story(cut(title, 200), cut(summary, 1000), body.toString().strip(), text.toString().strip(),
					findings, cut(organisation, 200), platform, tags.stream().map(tag -> cut(tag, 40)).toList());
		}

		String[] metric(Random random) {
			return pick(random, METRICS);
		}

		String experimentTitle(Random random, Platform platform) {
			return capitalise(pick(random, new String[] { "weekly", "daily", "monthly", "fortnightly" })) + " "
					+ label(platform) + " " + pick(random, FORMATS) + " for " + pick(random, AUDIENCES);
		}

		String hypothesis(Random random, Platform platform, String metric) {
			return "If we post a " + pick(random, FORMATS) + " on " + label(platform) + " every week, "
					+ metric.toLowerCase(Locale.ROOT) + " among " + pick(random, AUDIENCES) + " will rise within "
					+ (4 + random.nextInt(9)) + " weeks, because " + fill(random, pick(random, SENTENCES), platform)
						.toLowerCase(Locale.ROOT);
		}

		String learnings(Random random, Platform platform) {
			return fill(random, pick(random, SENTENCES), platform) + " " + fill(random, pick(random, SENTENCES), platform);
		}

		String abandonReason(Random random) {
			return pick(random, new String[] { "The team lost the person who posted.", "The campaign it served was cancelled.",
					"Approvals took too long to keep a weekly rhythm.", "The platform changed its rules for accounts like ours." });
		}

		String measurementNote(Random random) {
			return pick(random, new String[] { "Holiday week", "Boosted by a share from the main account",
					"Posted late", "Exam period", "Open day", "A reply went viral" });
		}

		String pitch(Random random) {
			return "Happy to help colleagues with " + pick(random, SKILLS) + " and " + pick(random, SKILLS) + ".";
		}

		List<String> skills(Random random) {
			Set<String> skills = new LinkedHashSet<>();
			int count = 1 + random.nextInt(4);
			while (skills.size() < count) {
				skills.add(pick(random, SKILLS));
			}
			return List.copyOf(skills);
		}

		String activity(Random random, ActivityKind kind) {
			return switch (kind) {
				case SHARED_MESSAGE -> "Shared the " + pick(random, FORMATS) + " about " + pick(random, TOPICS)
						+ " with the team";
				case TRAINING -> "Ran a training session on " + pick(random, SKILLS);
				case MENTORING -> "Mentored a colleague on " + pick(random, SKILLS);
				case EVENT -> "Live-posted from the " + pick(random, new String[] { "open day", "graduation",
						"research fair", "conference", "alumni dinner" });
				case CONTENT -> "Made a " + pick(random, FORMATS) + " for " + pick(random, AUDIENCES);
				case OTHER -> "Answered questions about " + pick(random, TOPICS) + " at a staff meeting";
			};
		}

		String stageTitle(Stage stage) {
			return switch (stage) {
				case UNAWARE -> "Back to square one";
				case AWARE -> "Heard about what social media did for others";
				case INTERESTED -> "Asked how to start";
				case EXPERIMENTING -> "First experiment under way";
				case ADOPTING -> "Posting is part of the routine";
				case ADVOCATING -> "Now helps other departments";
			};
		}

		String objection(Random random, ObjectionCategory category) {
			return switch (category) {
				case TIME -> pick(random, new String[] { "No time to post every week", "Approvals take too long" });
				case RISK -> pick(random, new String[] { "Afraid of negative comments", "Worried about saying something wrong" });
				case SKILLS -> pick(random, new String[] { "Nobody knows how to edit video", "Unsure what to post" });
				case VALUE -> pick(random, new String[] { "Not convinced it brings applications", "Our audience is not on social media" });
				case OTHER -> pick(random, new String[] { "The head of department says no", "Our account was hacked once" });
			};
		}

		String milestone(Random random) {
			return pick(random, new String[] { "First post reached 1,000 people", "Account verified",
					"First live stream", "Hundredth post", "Featured by the main account", "First student takeover" });
		}

		String note(Random random) {
			return pick(random, new String[] { "Met the head of department", "Shared case studies at a staff meeting",
					"Workshop with the team", "Follow-up call", "Reviewed the first month's figures" });
		}

		String sentence(Random random) {
			return fill(random, pick(random, SENTENCES), Platform.values()[random.nextInt(Platform.values().length)]);
		}

		private String fill(Random random, String template, Platform platform) {
			return fill(random, template, platform, null, null, null);
		}

		/**
		 * A sentence about one story: its format, audience and metric most of the time (a case
		 * study sticks to its subject), now and then another; any of them null: one at random.
		 */
		private String fill(Random random, String template, Platform platform, String format, String audience,
				String metric) {
			return template.replace("{format}", mostly(random, format, FORMATS))
				.replace("{platform}", label(platform))
				.replace("{audience}", mostly(random, audience, AUDIENCES))
				.replace("{metric}", mostly(random, metric, METRIC_NAMES))
				.replace("{n}", String.valueOf(3 + random.nextInt(60)))
				.transform(Words::capitalise);
		}

		private static String mostly(Random random, String own, String[] others) {
			return own != null && random.nextDouble() < 0.85 ? own : pick(random, others);
		}

		private static String label(Platform platform) {
			return switch (platform) {
				case LINKEDIN -> "LinkedIn";
				case TIKTOK -> "TikTok";
				case YOUTUBE -> "YouTube";
				case WHATSAPP -> "WhatsApp";
				case X -> "X";
				default -> capitalise(platform.name().toLowerCase(Locale.ROOT));
			};
		}

		private static String capitalise(String text) {
			return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
		}

		private static <T> T pick(Random random, T[] choices) {
			return choices[random.nextInt(choices.length)];
		}

	}


	/**
	 * Brings an empty database to the application's schema, as the application would. Days are
	 * worked out in the connection's time zone (the {@code zone} placeholder left empty), as
	 * {@link ReachDays#recount(JdbcClient, ZoneId)} is then asked to with the JVM's.
	 */
	static void migrate(DataSource dataSource) {
		Flyway.configure().dataSource(dataSource).placeholders(Map.of("zone", "")).load().migrate();
	}

}
