package org.waterhole.support;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Counts, or captures, the SQL statements the current thread executes, through a
 * datasource-proxy around the application's data source: a MockMvc request runs on the test's
 * thread, so {@code Statements.during(() -> mvc.perform(...))} is what one page costs and
 * {@code Statements.capture(() -> mvc.perform(...))} what it asked the database (listeners that
 * run after commit on other threads are not counted; the session store's statements are counted
 * apart, {@link #onSessionStore}). A captured query can be explained again
 * with its own parameters ({@link #explain}), to see the plan PostgreSQL chooses for it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class Statements {

	private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

	private static final ThreadLocal<List<Executed>> CAPTURED = new ThreadLocal<>();

	private static final ThreadLocal<Set<Integer>> BACKENDS = new ThreadLocal<>();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(dataSource).name(name).listener(new Counter()).build();
				}
				return bean;
			}

		};
	}

	/** Something a test does that may throw, such as a MockMvc request. */
	@FunctionalInterface
	public interface Action {

		void run() throws Exception;

	}

	/** How many statements the current thread executed while {@code action} ran. */
	public static int during(Action action) throws Exception {
		return counted(action)[0];
	}

	/**
	 * How many statements the current thread executed on the session store (Spring Session's
	 * tables: reading the session, noting the request, saving what changed in it) while
	 * {@code action} ran. {@link #during} leaves them out: every request of a signed-in user
	 * pays them, whatever its page shows.
	 */
	public static int onSessionStore(Action action) throws Exception {
		return counted(action)[1];
	}

	private static int[] counted(Action action) throws Exception {
		COUNT.set(new int[2]);
		try {
			action.run();
			return COUNT.get().clone();
		}
		finally {
			COUNT.remove();
		}
	}

	/**
	 * The statements the current thread executed while {@code action} ran, in order, each with
	 * the parameters it was executed with (a batch gives one per set of parameters).
	 */
	public static List<Executed> capture(Action action) throws Exception {
		List<Executed> captured = new ArrayList<>();
		CAPTURED.set(captured);
		try {
			action.run();
			return List.copyOf(captured);
		}
		finally {
			CAPTURED.remove();
		}
	}

	/**
	 * A statement as executed: its SQL and, for a prepared statement, the calls that set its
	 * parameters ({@code setLong(1, 42)}), in the order they were made.
	 */
	public record Executed(String sql, List<ParameterSetOperation> parameters) {

		public Executed {
			parameters = List.copyOf(parameters);
		}

		/**
		 * Whether it only reads, and so can be explained: a {@code select}, or a {@code with}
		 * that changes nothing; not a sequence's next value or a lock.
		 */
		public boolean isQuery() {
			String text = sql.strip().toLowerCase(Locale.ROOT);
			if (text.startsWith("with")) {
				return !text.matches("(?s).*\\b(insert|update|delete|merge)\\b.*");
			}
			return text.startsWith("select") && !text.matches("(?s)select\\s+(nextval|pg_advisory).*");
		}

		/** The values bound, for a message: {@code [42, PUBLISHED, {1,2}]}. */
		public List<String> values() {
			return parameters.stream().map(Executed::value).toList();
		}

		private static String value(ParameterSetOperation operation) {
			Object[] args = operation.getArgs();
			if (ParameterSetOperation.isSetNullParameterOperation(operation) || args.length < 2 || args[1] == null) {
				return "null";
			}
			return args[1] instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(args[1]);
		}

		@Override
		public String toString() {
			return sql + (parameters.isEmpty() ? "" : "\n  with " + values());
		}

	}

	/**
	 * The plan PostgreSQL chooses for a captured query, with the same parameters bound the same
	 * way: {@code EXPLAIN (FORMAT JSON)} on a new prepared statement (an unnamed one, so planned
	 * for these values), on a connection of {@code dataSource}.
	 */
	public static Plan explain(DataSource dataSource, Executed executed) {
		try (Connection connection = dataSource.getConnection()) {
			return explain(connection, executed);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not explain " + executed, ex);
		}
	}

	/** The plan of a captured query on this connection (in its transaction, if it has one). */
	public static Plan explain(Connection connection, Executed executed) {
		try (PreparedStatement statement = connection.prepareStatement("explain (format json) " + executed.sql())) {
			bind(statement, executed);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return new Plan(JSON.readTree(rs.getString(1)).path(0).path("Plan"));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not explain " + executed, ex);
		}
	}

	/** Binds a captured query's parameters to {@code statement} the way they were bound. */
	private static void bind(PreparedStatement statement, Executed executed) {
		try {
			for (ParameterSetOperation operation : executed.parameters()) {
				operation.getMethod().invoke(statement, operation.getArgs());
			}
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Could not bind the parameters of " + executed, ex);
		}
	}

	/** A query plan as {@code EXPLAIN (FORMAT JSON)} gives it. */
	public record Plan(JsonNode root) {

		/** The tables read by a sequential scan anywhere in the plan (sub-plans and init plans included). */
		public Set<String> sequentiallyScanned() {
			Set<String> tables = new TreeSet<>();
			collect(root, tables);
			return Collections.unmodifiableSet(tables);
		}

		private static void collect(JsonNode node, Set<String> tables) {
			if ("Seq Scan".equals(node.path("Node Type").asString(""))) {
				tables.add(node.path("Relation Name").asString(""));
			}
			for (JsonNode child : node.path("Plans").values()) {
				collect(child, tables);
			}
		}

		/** The plan as an indented tree, one node a line: {@code Index Scan on case_study using pk_case_study}. */
		public String outline() {
			StringBuilder text = new StringBuilder();
			outline(root, 0, text);
			return text.toString();
		}

		private static void outline(JsonNode node, int depth, StringBuilder text) {
			text.append("  ".repeat(depth)).append("-> ").append(node.path("Node Type").asString(""));
			append(text, " on ", node.path("Relation Name").asString(""));
			append(text, " using ", node.path("Index Name").asString(""));
			append(text, " (", node.path("Parent Relationship").asString(""), ")");
			text.append(String.format(Locale.ROOT, "  rows=%s cost=%s", node.path("Plan Rows").asString(""),
					node.path("Total Cost").asString("")));
			for (String condition : Arrays.asList("Index Cond", "Recheck Cond", "Filter", "Hash Cond", "Join Filter")) {
				append(text, "  " + condition + ": ", node.path(condition).asString(""));
			}
			text.append('\n');
			for (JsonNode child : node.path("Plans").values()) {
				outline(child, depth + 1, text);
			}
		}

		private static void append(StringBuilder text, String before, String value, String... after) {
			if (!value.isEmpty()) {
				text.append(before).append(value);
				for (String end : after) {
					text.append(end);
				}
			}
		}

	}

	/**
	 * How many statements one GET of {@code path} costs on a running server: after a first
	 * request (so that reference data such as the department list is cached, as it would be), and
	 * with the kept adoption signals emptied, so that they are counted as computed rather than as
	 * read from the cache.
	 */
	public static int ofPage(MockMvc mvc, CacheManager caches, String path, RequestPostProcessor user)
			throws Exception {
		mvc.perform(get(path).with(user)).andExpect(status().isOk());
		caches.getCache(org.waterhole.adoption.AdoptionSignals.CACHE).clear();
		return during(() -> mvc.perform(get(path).with(user)).andExpect(status().isOk()));
	}

	/**
	 * Runs {@code action} on the current thread and notes, in {@code into}, the PostgreSQL backend
	 * (its process id) of each connection a statement of it goes to, as the statement is sent:
	 * another thread can read the set while the action still runs, to find its backend in
	 * {@code pg_stat_activity} or {@code pg_locks}.
	 */
	public static <T> T onBackends(Set<Integer> into, Callable<T> action) throws Exception {
		BACKENDS.set(into);
		try {
			return action.call();
		}
		finally {
			BACKENDS.remove();
		}
	}

	private static final class Counter implements QueryExecutionListener {

		@Override
		public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			Set<Integer> backends = BACKENDS.get();
			if (backends != null) {
				try {
					backends.add(execution.getStatement().getConnection().unwrap(PGConnection.class).getBackendPID());
				}
				catch (SQLException ex) {
					throw new IllegalStateException("no PostgreSQL backend behind this statement", ex);
				}
			}
		}

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			int[] count = COUNT.get();
			if (count != null) {
				boolean session = queries.stream()
					.anyMatch(query -> query.getQuery().toLowerCase(Locale.ROOT).contains("spring_session"));
				count[session ? 1 : 0]++;
				if (Boolean.getBoolean("waterhole.statements.print")) {
					queries.forEach(query -> System.out.println("STATEMENT " + count[0] + "/" + count[1] + ": " + query.getQuery()));
				}
			}
			List<Executed> captured = CAPTURED.get();
			if (captured != null) {
				for (QueryInfo query : queries) {
					List<List<ParameterSetOperation>> parameters = query.getParametersList();
					if (parameters.isEmpty()) {
						captured.add(new Executed(query.getQuery(), List.of()));
					}
					parameters.forEach(set -> captured.add(new Executed(query.getQuery(), set)));
				}
			}
		}

	}

}
