package org.waterhole.shared;

import java.time.LocalDate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.waterhole.adoption.Timeline;
import org.waterhole.adoption.TimelineFilter;
import org.waterhole.experiment.ExperimentFilter;
import org.waterhole.experiment.Experiments;
import org.waterhole.experiment.ExperimentsData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline and the experiments list without filters take their number of entries from the
 * totals PostgreSQL keeps as rows are added and removed: after rows are added one by one or many
 * in one statement, and removed, each says as many as a count of the table in the same snapshot.
 */
@WaterholeTest
class RowTotalsTests {

	@Autowired
	Timeline timeline;

	@Autowired
	Experiments experiments;

	@Autowired
	ExperimentsData experimentsData;

	@Autowired
	RowTotals totals;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void the_timeline_counts_every_event_added_alone_or_many_at_once() {
		long before = totals.of("adoption_event");
		insertEvents(1);
		insertEvents(25);

		assertThat(totals.of("adoption_event")).isEqualTo(before + 26);
		Totals listed = inOneSnapshot(() -> timeline.page(new TimelineFilter(), PageRequest.of(0, 20)),
				"select count(*) from adoption_event");
		assertThat(listed.page()).as("the unfiltered timeline's total").isEqualTo(listed.counted());
	}

	@Test
	void the_experiments_list_counts_experiments_made_and_removed() {
		long before = totals.of("experiment");
		long first = experimentsData.idea("Counted first");
		experimentsData.idea("Counted second");
		assertThat(totals.of("experiment")).isEqualTo(before + 2);

		jdbc.sql("delete from experiment where id = :id").param("id", first).update();

		assertThat(totals.of("experiment")).isEqualTo(before + 1);
		Totals listed = inOneSnapshot(() -> experiments.page(new ExperimentFilter(), PageRequest.of(0, 20)),
				"select count(*) from experiment");
		assertThat(listed.page()).as("the unfiltered list's total").isEqualTo(listed.counted());
	}

	/** A page's total and a count of the table. */
	private record Totals(long page, long counted) {
	}

	/** Both read in one snapshot, so that no write between them (an event arriving late) changes one. */
	private Totals inOneSnapshot(Supplier<Page<?>> page, String count) {
		TransactionTemplate snapshot = new TransactionTemplate(transactions.getTransactionManager());
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		return snapshot.execute(status -> new Totals(page.get().getTotalElements(),
				jdbc.sql(count).query(Long.class).single()));
	}

	private void insertEvents(int count) {
		jdbc.sql("""
				insert into adoption_event (occurred_on, kind, department_ids, title)
				select :on, 'MILESTONE', '{}', 'Counted ' || n from generate_series(1, :count) n
				""").param("on", LocalDate.of(2026, 3, 1)).param("count", count).update();
	}

}
