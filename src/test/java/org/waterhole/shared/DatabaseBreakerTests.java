package org.waterhole.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.waterhole.shared.DatabaseBreaker.State;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The breaker's states, on a data source whose connections the test hands out one probe at a
 * time: each probe waits in {@code getConnection()} until the test answers it.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseBreakerTests {

	private final BlockingQueue<Callable<Connection>> answers = new LinkedBlockingQueue<>();

	private final AtomicInteger probes = new AtomicInteger();

	private final DatabaseBreaker breaker = new DatabaseBreaker(dataSource(), Duration.ofMillis(20));

	@AfterEach
	void stopProbing() {
		breaker.destroy();
	}

	@Test
	void failures_the_database_answered_leave_it_closed() {
		assertThat(breaker.recordFailure(new DataIntegrityViolationException("uk_department_name"))).isFalse();
		assertThat(breaker.recordFailure(new BadSqlGrammarException("list", "select nonsense",
				new SQLException("syntax error at or near \"nonsense\"", "42601"))))
			.isFalse();
		assertThat(breaker.recordFailure(new IllegalStateException("not the database"))).isFalse();

		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		assertThat(breaker.isOpen()).isFalse();
		assertThat(probes).hasValue(0);
	}

	@Test
	void a_busy_pool_gets_its_request_the_503_page_but_leaves_it_closed() {
		// What HikariCP says when every connection stayed in use for its time-out: no cause, no state.
		assertThat(breaker.recordFailure(new CannotCreateTransactionException("Could not open JPA EntityManager",
				new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms"))))
			.isTrue();

		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		assertThat(probes).hasValue(0);
	}

	@Test
	void an_outage_opens_it_one_probe_at_a_time_checks_and_a_success_closes_it(CapturedOutput output)
			throws SQLException {
		// What HikariCP says when it can't connect: its time-out, with the last connection failure.
		assertThat(breaker.recordFailure(new CannotCreateTransactionException("Could not open JPA EntityManager",
				new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms",
						"08001", new SQLException("Connection to localhost:5432 refused", "08001")))))
			.isTrue();
		assertThat(breaker.isOpen()).isTrue();

		// The probe runs at once, and is the only one however many failures follow.
		await().until(breaker::state, State.HALF_OPEN::equals);
		IntStream.range(0, 20)
			.parallel()
			.forEach(i -> assertThat(breaker.recordFailure(
					new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
							new SQLException("Connection refused", "08001"))))
				.isTrue());
		assertThat(breaker.isOpen()).isTrue();
		assertThat(probes).hasValue(1);

		// It fails: open again, and the next probe follows after the interval.
		answers.add(() -> {
			throw new SQLException("Connection refused", "08001");
		});
		await().untilAsserted(() -> {
			assertThat(probes).hasValue(2);
			assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
		});

		// It succeeds: closed.
		Connection connection = mock(Connection.class);
		given(connection.isValid(anyInt())).willReturn(true);
		answers.add(() -> connection);
		await().until(breaker::state, State.CLOSED::equals);
		assertThat(probes).hasValue(2);

		assertThat(output.getAll().split("The database is unavailable: pages answer 503", -1)).hasSize(2);
		assertThat(output.getAll().split("The database is available again", -1)).hasSize(2);
	}

	@Test
	void a_connection_that_is_not_valid_keeps_it_open() throws SQLException {
		breaker.recordFailure(new SQLException("terminating connection due to administrator command", "57P01"));
		await().until(breaker::state, State.HALF_OPEN::equals);

		Connection invalid = mock(Connection.class);
		given(invalid.isValid(anyInt())).willReturn(false);
		answers.add(() -> invalid);

		await().untilAsserted(() -> {
			assertThat(probes).hasValue(2);
			assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
		});
	}

	private DataSource dataSource() {
		DataSource dataSource = mock(DataSource.class);
		try {
			given(dataSource.getConnection()).willAnswer(invocation -> {
				probes.incrementAndGet();
				return answers.take().call();
			});
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return dataSource;
	}

}
