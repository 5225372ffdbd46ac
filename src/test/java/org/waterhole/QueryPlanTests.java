package org.waterhole;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cache.CacheManager;
import org.springframework.data.domain.PageRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriUtils;
import org.waterhole.casestudy.Library;
import org.waterhole.casestudy.SearchForm;
import org.waterhole.support.EmbeddedDatabase;
import org.waterhole.support.EmbeddedDatabaseConfiguration;
import org.waterhole.support.Statements;
import org.waterhole.support.Statements.Executed;
import org.waterhole.support.Statements.Plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * At a size where PostgreSQL prefers indexes, the queries behind the search, the filtered lists,
 * the detail pages and the dashboard read the big tables (readings, measurements, activities,
 * adoption events) through indexes: {@code EXPLAIN} of every query such a page issues, with its
 * own parameters, shows no sequential scan over them, and no search reading search vectors
 * row by row. Sequential scans of the helpful marks are reported, not failed.
 * <p>
 * The class has its own Spring context on its own database, filled by the "large institution"
 * generator at a fifth of its size (about 100,000 readings), so that no other test sees that
 * data. At a fiftieth PostgreSQL still reads some of these tables whole, as it should; from
 * about a tenth on, the plans of these tables are those of the full size. Caches are emptied
 * before each page, so that every query behind it is asked.
 */
@SpringBootTest(properties = "waterhole.demo.enabled=false")
@AutoConfigureMockMvc
@Import({ QueryPlanTests.LargeDatabase.class, Statements.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanTests {

	/**
	 * A fifth of the large institution (100,000 readings, 20,000 measurements, 12,000 activities,
	 * 6,000 events) by default; {@code -Dwaterhole.query-plans.scale=1} checks the full size.
	 */
	static final double SCALE = Double.parseDouble(System.getProperty("waterhole.query-plans.scale", "0.2"));

	/** Tables that must never be read whole by these pages. */
	static final Set<String> BIG = Set.of("case_study_reading", "experiment_measurement", "champion_activity",
			"adoption_event", "department_reach_day", "adoption_event_department", "adoption_experiment");

	/** With {@code -Dwaterhole.query-plans.print=true}, every plan is printed, not only those reported. */
	static final boolean PRINT = Boolean.getBoolean("waterhole.query-plans.print");

	/** Tables whose sequential scans are reported, without failing. */
	static final Set<String> WATCHED = Set.of("case_study_helpful");

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	CacheManager caches;

	@Autowired
	Library library;

	@Autowired
	TransactionTemplate transactions;

	RequestPostProcessor strategist;

	RequestPostProcessor manager;

	@BeforeAll
	void signIn() {
		strategist = SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(LargeInstitution.STRATEGIST));
		manager = SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(LargeInstitution.MANAGER));
	}

	@Test
	void searches_lists_details_and_the_dashboard_read_the_big_tables_through_indexes() throws Exception {
		assertThat(count("case_study_reading")).as("readings loaded").isGreaterThanOrEqualTo((long) (500_000 * SCALE));

		List<String> problems = new ArrayList<>();
		List<String> summary = new ArrayList<>();
		for (Request request : requests()) {
			// Cold caches: every query behind the page is asked, none answered from memory.
			caches.getCacheNames().forEach(name -> caches.getCache(name).clear());
			MvcResult[] result = new MvcResult[1];
			List<Executed> executed = Statements
				.capture(() -> result[0] = mvc.perform(get(request.path()).with(request.user())).andReturn());
			int status = result[0].getResponse().getStatus();
			if (status != 200) {
				problems.add(request + " answered " + status);
			}
			int explained = 0;
			Set<String> scanned = new TreeSet<>();
			for (Executed statement : executed) {
				if (!statement.isQuery()) {
					continue;
				}
				Plan plan = Statements.explain(dataSource, statement);
				explained++;
				Set<String> tables = plan.sequentiallyScanned();
				scanned.addAll(tables);
				Set<String> big = new TreeSet<>(tables);
				big.retainAll(BIG);
				if (plan.outline().contains("search_vector @@")) {
					// Words are found through the index alone (case_study_matches), not by reading search vectors.
					problems.add("%s: a search reads search vectors in%n%s%n%s".formatted(request, statement,
							plan.outline()));
				}
				if (!big.isEmpty()) {
					problems.add("%s: sequential scan of %s in%n%s%n%s".formatted(request, big, statement,
							plan.outline()));
				}
				else if (tables.stream().anyMatch(WATCHED::contains)) {
					System.out.printf("QueryPlanTests: %s reads %s sequentially (reported, not failed):%n%s%n%s%n",
							request, tables, statement, plan.outline());
				}
				else if (PRINT) {
					System.out.printf("QueryPlanTests: %s%n%s%n%s%n", request, statement, plan.outline());
				}
			}
			summary.add("%-90s %2d statements, %2d explained, sequential scans: %s".formatted(request,
					executed.size(), explained, scanned));
			if (explained == 0) {
				problems.add(request + " asked no query to explain");
			}
			if (request.isList() && executed.stream().noneMatch(statement -> statement.sql().contains(" offset "))) {
				// A list whose filters find nothing counts and stops: its page query would go unchecked.
				problems.add(request + " listed nothing, so its page query was not asked");
			}
		}
		System.out.println("QueryPlanTests: statements of each page, and the tables read sequentially:\n  "
				+ String.join("\n  ", summary));

		assertThat(problems).as("pages whose queries read a big table sequentially (or that failed)").isEmpty();
	}

	/**
	 * The check itself can fail: without the index on the measurements' experiment, the detail
	 * page's query for its measurements reads the whole table, and the plan says so. (The index
	 * is dropped in a transaction that is rolled back.)
	 */
	@Test
	void a_query_without_its_index_is_caught_reading_a_big_table_whole() throws Exception {
		long experiment = busiest(
				"select experiment_id from experiment_measurement group by 1 order by count(*) desc limit 1");
		List<Executed> executed = Statements
			.capture(() -> mvc.perform(get("/experiments/" + experiment).with(strategist)).andReturn());
		Executed measurements = executed.stream()
			.filter(Executed::isQuery)
			.filter(statement -> statement.sql().contains("experiment_measurement"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no query of the measurements among " + executed));
		assertThat(Statements.explain(dataSource, measurements).sequentiallyScanned()).doesNotContainAnyElementsOf(BIG);

		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop index ix_experiment_measurement_experiment");
				assertThat(Statements.explain(connection, measurements).sequentiallyScanned())
					.contains("experiment_measurement");
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
	}

	/**
	 * The reading page's related case studies read only the case studies of the best scores, not
	 * every one sharing a platform with it: the scores come sorted, so the publication order is
	 * sorted one score at a time (an incremental sort) and stops once the page has enough.
	 */
	@Test
	void related_case_studies_are_joined_in_score_order() throws Exception {
		long caseStudy = busiest("select id from case_study where status = 'PUBLISHED' order by id limit 1");

		assertThat(Statements.explain(dataSource, related(caseStudy)).outline()).contains("Incremental Sort");
	}

	/** The statement of the related case studies behind a case study's page. */
	private Executed related(long caseStudy) throws Exception {
		List<Executed> executed = Statements
			.capture(() -> mvc.perform(get("/library/" + caseStudy).with(strategist)).andReturn());
		return executed.stream()
			.filter(statement -> statement.sql().contains("case_study_tag mine"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no query of the related case studies among " + executed));
	}

	/**
	 * The related case studies' statement is planned once and then reused: after its first few
	 * executions PostgreSQL keeps a generic plan for it. Twelve case studies' related ones in one
	 * transaction (so on one connection): the driver prepares the statement on the server from
	 * the fifth, and PostgreSQL, having planned five executions there for their values, uses its
	 * generic plan for the rest. A bound limit would keep it from costing such a plan, and every
	 * page would plan the statement again.
	 */
	@Test
	void related_case_studies_are_planned_once_and_reused() {
		List<Long> caseStudies = jdbc.sql("select id from case_study where status = 'PUBLISHED' order by id limit 12")
			.query(Long.class)
			.list();

		long generic = transactions.execute(status -> {
			caseStudies.forEach(id -> library.related(id, 4));
			return jdbc.sql("select coalesce(sum(generic_plans), 0) from pg_prepared_statements"
					+ " where statement like '%case_study_tag mine%'")
				.query(Long.class)
				.single();
		});

		assertThat(generic).as("executions with the generic plan").isGreaterThan(0);
	}

	/**
	 * A search is planned once per connection and then reused, whatever the words: the matches
	 * and their relevance come from functions, so no plan would be better for knowing the words,
	 * and no search pays for planning its statement. Eight searches in one transaction (so on one
	 * connection), from the fifth of which the driver prepares the statement on the server: every
	 * execution of it there used its generic plan, none a plan of its own.
	 */
	@Test
	void a_search_is_planned_once_and_reused() {
		long department = busiest("select department_id from case_study_department group by 1 order by count(*) desc limit 1");
		List<String> queries = List.of("video campaign", "student stories", "alumni podcast", "open days",
				"engagement reach", "research video", "campus tours", "event photos");

		List<Long> plans = transactions.execute(status -> {
			for (String words : queries) {
				SearchForm form = new SearchForm();
				form.setQ(words);
				library.search(form, department, PageRequest.of(0, 10));
			}
			return jdbc.sql("select coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0)"
					+ " from pg_prepared_statements where statement like '%count(*) over ()%case_study_matches%'")
				.query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2)))
				.single();
		});

		assertThat(plans.get(0)).as("executions with the generic plan").isGreaterThan(0);
		assertThat(plans.get(1)).as("executions planned for their values").isZero();
	}

	/**
	 * Counting a new reading in the education reach asks three questions of the reader's other
	 * readings in their department (one that day, the one before, the one after), each a probe of
	 * the readings by reader, department and time: not a pass over every reading of the reader or
	 * of the department, which grows with each reading.
	 */
	@Test
	void a_reading_is_counted_in_the_reach_from_the_readers_own_readings() throws Exception {
		RequestPostProcessor staff = SecurityMockMvcRequestPostProcessors
			.user(users.loadUserByUsername(LargeInstitution.STAFF));
		long caseStudy = busiest("select id from case_study where status = 'PUBLISHED' order by id desc limit 1");
		List<Executed> executed = Statements
			.capture(() -> mvc.perform(get("/library/" + caseStudy).with(staff)).andReturn());
		Executed reach = executed.stream()
			.filter(statement -> statement.sql().contains("insert into department_reach_day"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the reading was not counted in the reach: " + executed));

		String plan = Statements.explain(dataSource, reach).outline();
		assertThat(plan).contains("ix_case_study_reading_reader")
			.doesNotContain("ix_case_study_reading_department")
			.doesNotContain("Seq Scan on case_study_reading");
	}

	/** The pages to check, as a strategist (and the dashboard as a manager too), with ids of busy rows. */
	private List<Request> requests() {
		long department = busiest("select department_id from experiment group by 1 order by count(*) desc limit 1");
		long championDepartment = busiest(
				"select department_id from champion where status = 'ACTIVE' group by 1 order by count(*) desc limit 1");
		long adoptionDepartment = busiest(
				"select department_ids[1] from adoption_event where cardinality(department_ids) > 0 group by 1 order by count(*) desc limit 1");
		List<Long> someDepartments = jdbc.sql("select id from department order by id limit 3").query(Long.class).list();
		long experiment = busiest(
				"select experiment_id from experiment_measurement group by 1 order by count(*) desc limit 1");
		long champion = busiest("select champion_id from champion_activity group by 1 order by count(*) desc limit 1");
		// One word: the filters normalise what they are given ("crisis response" to "crisis-response").
		String tag = word("select tag from case_study_tag where tag ~ '^[a-z]+$' group by 1 order by count(*) desc limit 1");
		String platform = word("select platform from case_study_platform group by 1 order by count(*) desc limit 1");
		// The department with the most case studies on that platform, so that both filters together find some.
		long libraryDepartment = busiest("select d.department_id from case_study_department d join case_study_platform p"
				+ " using (case_study_id) where p.platform = '" + platform + "' group by 1 order by count(*) desc limit 1");
		String skill = word(
				"select skill from champion_skill where skill ~ '^[a-z]+$' group by 1 order by count(*) desc limit 1");
		// Two words found in most case studies (ranking thousands), and two found in a few.
		String query = "engagement%20video";
		String rareQuery = "alumni%20podcast";
		String departments = someDepartments.stream().map(id -> "department=" + id).reduce((a, b) -> a + "&" + b)
			.orElseThrow();

		List<Request> requests = new ArrayList<>();
		for (String path : new LinkedHashSet<>(List.of("/library", //
				"/library/search?q=" + query, //
				"/library/search?q=" + rareQuery, //
				"/library/search?q=" + query + "&platform=" + platform, //
				"/library/search?q=" + query + "&department=" + libraryDepartment, //
				"/library/search?platform=" + platform + "&department=" + libraryDepartment, //
				"/library/search?tag=" + tag + "&sort=HELPFUL", //
				"/library/search?page=" + lastPage(published(), 10), //
				"/experiments?department=" + department, //
				"/experiments?status=RUNNING", //
				"/experiments?platform=" + platform, //
				"/experiments?department=" + department + "&status=COMPLETED&platform=" + platform, //
				"/experiments?page=" + lastPage(count("experiment"), 20), //
				"/experiments/" + experiment, //
				"/champions?department=" + championDepartment, //
				"/champions?platform=" + platform, //
				"/champions?skill=" + skill, //
				"/champions?status=&page=" + lastPage(count("champion"), 24), //
				"/champions/" + champion, //
				"/champions/coverage", //
				"/adoption?department=" + adoptionDepartment, //
				"/adoption?kind=OBJECTION&kind=NOTE", //
				"/adoption?department=" + adoptionDepartment + "&kind=STAGE_CHANGE&kind=MILESTONE", //
				"/adoption?" + departments + "&from=2023-02-11&to=2025-08-30", //
				"/adoption?page=" + lastPage(count("adoption_event"), 30), //
				"/adoption/departments/" + adoptionDepartment, //
				"/adoption/dashboard", //
				"/adoption/dashboard?" + departments, //
				"/adoption/dashboard?" + departments + "&from=2023-02-11&to=2025-08-30&scope=organisation", //
				"/playbook/departments/" + adoptionDepartment, //
				"/", //
				"/departments/" + department))) {
			requests.add(new Request("strategist", path, strategist));
		}
		requests.add(new Request("manager", "/adoption/dashboard", manager));
		requests.add(new Request("manager", "/adoption/dashboard?" + departments, manager));
		return requests;
	}

	/** The 100th page (numbered from 0), or the last one when there are fewer. */
	private static long lastPage(long rows, int size) {
		return Math.min(99, Math.max(0, (rows - 1) / size));
	}

	private long published() {
		return jdbc.sql("select count(*) from case_study where status = 'PUBLISHED'").query(Long.class).single();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private long busiest(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	/** A value for a query string (MockMvc reads {@code %20} as a space, but {@code +} as a plus). */
	private String word(String sql) {
		return UriUtils.encodeQueryParam(jdbc.sql(sql).query(String.class).single(), StandardCharsets.UTF_8);
	}

	record Request(String role, String path, RequestPostProcessor user) {

		/** Whether the page is a list with filters or a page number, whose page query should have run. */
		boolean isList() {
			return path.startsWith("/library/search") || path.matches("/(experiments|champions|adoption)\\?.*");
		}

		@Override
		public String toString() {
			return "GET " + path + " as " + role;
		}

	}

	/**
	 * A database of its own on the JVM's embedded PostgreSQL: migrated, then filled with the
	 * large institution before the application starts on it (so that it starts as on a server
	 * that has been running for years).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class LargeDatabase {

		static final String NAME = "waterhole_query_plans";

		@Bean
		JdbcConnectionDetails largeDatabase() {
			String url = EmbeddedDatabase.emptyDatabase(NAME);
			DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "postgres");
			// The test server commits asynchronously; the generator's VACUUM right after its commit
			// could then not yet mark the last written pages all-visible, and the plans would
			// depend on when the WAL writer got to it.
			Properties synchronous = new Properties();
			synchronous.setProperty("options", "-c synchronous_commit=on");
			dataSource.setConnectionProperties(synchronous);
			LargeInstitution.migrate(dataSource);
			new LargeInstitution(dataSource, SCALE, System.out).load();
			return EmbeddedDatabaseConfiguration.connectionDetails(url);
		}

	}

}
