package org.waterhole.shared;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health check's database part (in place of Spring Boot's, by its bean name): DOWN at once
 * while the {@link DatabaseBreaker} is open, else Spring Boot's check of a connection, whose
 * failure for an unreachable database opens the breaker.
 */
@Component("dbHealthIndicator")
class DatabaseHealth extends DataSourceHealthIndicator {

	private final DatabaseBreaker breaker;

	DatabaseHealth(DataSource dataSource, DatabaseBreaker breaker) {
		super(dataSource);
		this.breaker = breaker;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		if (breaker.isOpen()) {
			builder.down();
			return;
		}
		try {
			super.doHealthCheck(builder);
		}
		catch (Exception ex) {
			breaker.recordFailure(ex);
			throw ex;
		}
	}

}
