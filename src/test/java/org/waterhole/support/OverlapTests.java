package org.waterhole.support;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Overlap} sees a wait for a lock when there is one, and none when there is none. */
@WaterholeTest
class OverlapTests {

	private static final String ONE_MORE = """
			update department set headcount = headcount + 1 where id = :id returning headcount
			""";

	@Autowired
	Overlap overlap;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_second_write_to_the_same_row_is_seen_waiting_and_sees_the_first_committed() throws Exception {
		long department = data.department();

		Overlap.Outcome<Integer> outcome = overlap.run(() -> oneMore(department), () -> oneMore(department));

		assertThat(outcome.thrown()).isNull();
		assertThat(outcome.waited()).isTrue();
		assertThat(outcome.value()).as("the second counted on top of the first").isEqualTo(12);
		assertThat(headcount(department)).isEqualTo(12);
	}

	@Test
	void a_second_write_to_another_row_is_not_seen_waiting() throws Exception {
		long department = data.department();
		long other = data.department();

		Overlap.Outcome<Integer> outcome = overlap.run(() -> oneMore(department), () -> oneMore(other));

		assertThat(outcome.thrown()).isNull();
		assertThat(outcome.waited()).isFalse();
		assertThat(outcome.value()).isEqualTo(11);
		assertThat(headcount(department)).isEqualTo(11);
	}

	@Test
	void what_the_second_throws_is_its_outcome() throws Exception {
		long department = data.department();

		Overlap.Outcome<Integer> outcome = overlap.run(() -> oneMore(department), () -> {
			oneMore(department);
			throw new IllegalStateException("refused");
		});

		assertThat(outcome.waited()).isTrue();
		assertThat(outcome.thrown()).isInstanceOf(IllegalStateException.class).hasMessage("refused");
		assertThat(headcount(department)).isEqualTo(12);
	}

	private int oneMore(long department) {
		return jdbc.sql(ONE_MORE).param("id", department).query(Integer.class).single();
	}

	private int headcount(long department) {
		return jdbc.sql("select headcount from department where id = :id").param("id", department)
			.query(Integer.class)
			.single();
	}

}
