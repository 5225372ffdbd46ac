package org.waterhole.support;

import java.util.List;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the current thread executes, through a datasource-proxy around the
 * application's data source: a MockMvc request runs on the test's thread, so
 * {@code Statements.during(() -> mvc.perform(...))} is what one page costs (listeners that run
 * after commit on other threads are not counted).
 */
@TestConfiguration(proxyBeanMethods = false)
public class Statements {

	private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

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
		COUNT.set(new int[1]);
		try {
			action.run();
			return COUNT.get()[0];
		}
		finally {
			COUNT.remove();
		}
	}

	private static final class Counter implements QueryExecutionListener {

		@Override
		public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		}

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			int[] count = COUNT.get();
			if (count != null) {
				count[0]++;
				if (Boolean.getBoolean("waterhole.statements.print")) {
					queries.forEach(query -> System.out.println("STATEMENT " + count[0] + ": " + query.getQuery()));
				}
			}
		}

	}

}
