package org.waterhole.playbook;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.adoption.Dashboard;
import org.waterhole.adoption.Stage;
import org.waterhole.playbook.Readiness.Score;
import org.waterhole.playbook.SignalReader.Department;

/**
 * Every department side by side, today: its stage and since when, readiness and what changed
 * since the end of last month, reach, champions, experiments and open objections, with the
 * organisation's medians. All of them in the three statements of {@link SignalReader#read}, plus
 * the dismissals for the strategist's first suggestions. Reach and readiness are absent for a
 * manager in a department of fewer than {@value Dashboard#PRIVACY_FLOOR} people, and left out of
 * their medians and the ranking.
 */
@Service
@Transactional(readOnly = true)
class Comparison {

	private final Playbook playbook;

	private final Clock clock;

	Comparison(Playbook playbook, Clock clock) {
		this.playbook = playbook;
		this.clock = clock;
	}

	/** Every department today, by name, for a viewer who is the strategist or not. */
	Departments all(boolean strategist) {
		Map<Long, Department> departments = playbook.departments();
		Map<Long, List<Signals>> signals = playbook.lastMonthAndToday(departments);
		Map<Long, AgendaView.DepartmentSuggestion> first = Map.of();
		if (strategist) {
			Map<Long, Signals> today = new java.util.HashMap<>();
			signals.forEach((id, list) -> today.put(id, list.get(1)));
			first = playbook.firstSuggestions(today);
		}
		List<Row> rows = new ArrayList<>();
		for (Department department : departments.values()) {
			List<Signals> pair = signals.get(department.id());
			rows.add(row(pair.get(0), pair.get(1), strategist, first.get(department.id())));
		}
		LocalDate lastMonth = LocalDate.now(clock).minusMonths(1);
		return new Departments(LocalDate.now(clock), lastMonth.withDayOfMonth(lastMonth.lengthOfMonth()),
				List.copyOf(rows), Medians.of(rows));
	}

	/**
	 * A department's row. For anyone but the strategist, a department of fewer than
	 * {@value Dashboard#PRIVACY_FLOOR} people (on record, or in its headcount if smaller) shows
	 * nothing computed from what its people read: no reach, no readiness (its reach and helpful
	 * marks are in it), and no change of those or of the stage's band since last month.
	 */
	private Row row(Signals then, Signals now, boolean strategist, AgendaView.DepartmentSuggestion first) {
		Score score = Readiness.of(now, playbook.weights());
		boolean hidden = !strategist && now.belowPrivacyFloor();
		List<Readiness.Change> changes = then.counted()
				? Readiness.changes(Readiness.of(then, playbook.weights()), score) : null;
		if (hidden && changes != null) {
			changes = Playbook.changesWithoutReadings(changes);
		}
		return new Row(now.departmentId(), now.departmentName(), now.stage(),
				now.stageSince() != null ? now.stageSince() : now.onRecordSince(), now.stageSince() == null,
				now.daysInStage(), hidden ? null : score.value(), hidden, changes,
				hidden ? null : Math.min(100, now.reachPercent()), now.overHeadcount(), now.people(),
				now.activeChampions(), now.runningExperiments(), now.succeededExperiments(), now.otherExperiments(),
				now.openObjections(), playbook.checkIn(now).due(), first);
	}

	/**
	 * The departments on a day, the end of last month that changes count from, every department's
	 * row (by name), and the organisation's medians.
	 */
	record Departments(LocalDate today, LocalDate lastMonth, List<Row> rows, Medians medians) {

		/** The department's row, if it is on record. */
		java.util.Optional<Row> row(long id) {
			return rows.stream().filter(r -> r.id() == id).findFirst();
		}

		/**
		 * Where the department stands by readiness among those whose readiness is shown: 1 for the
		 * highest (equal scores share a place); 0 when its own is hidden.
		 */
		int rank(Row row) {
			if (row.readiness() == null) {
				return 0;
			}
			return 1 + (int) rows.stream().filter(r -> r.readiness() != null && r.readiness() > row.readiness()).count();
		}

		/** How many departments have their readiness shown (those ranked). */
		public long ranked() {
			return rows.stream().filter(r -> r.readiness() != null).count();
		}

		/** How many departments are at each stage. */
		public Map<Stage, Long> perStage() {
			Map<Stage, Long> counts = new EnumMap<>(Stage.class);
			for (Stage stage : Stage.values()) {
				counts.put(stage, rows.stream().filter(r -> r.stage() == stage).count());
			}
			return counts;
		}

		/** The rows that pass the filter, in the order asked. */
		List<Row> shown(ComparisonFilter filter, ComparisonSort sort) {
			return rows.stream().filter(filter::accepts).sorted(sort.comparator()).toList();
		}

	}

	/**
	 * A department's row: its stage and since when ({@code neverMoved}: the day it was put on
	 * record), readiness ({@code null} when hidden: too few people) and its changes since last month
	 * ({@code null} when not on record then), reach ({@code null} when hidden) over its headcount or
	 * its people on record, active champions,
	 * experiments running, succeeded and with another outcome in the last year, open objections,
	 * whether a check-in is due, and the strategist's first suggestion ({@code null}: none, or not
	 * the strategist).
	 */
	record Row(long id, String name, Stage stage, LocalDate stageSince, boolean neverMoved, long daysInStage,
			Integer readiness, boolean hidden, List<Readiness.Change> changes, Long reachPercent, boolean overHeadcount,
			long people, long activeChampions, long running, long succeeded, long otherOutcome, long openObjections,
			boolean checkInDue, AgendaView.DepartmentSuggestion firstSuggestion) {
	}

	/**
	 * The organisation's medians over every department (reach over those whose reach is shown;
	 * {@code null} when there is none), and the median stage.
	 */
	record Medians(Stage stage, Double daysInStage, Double readiness, Double reach, Double champions, Double running,
			Double succeeded, Double objections) {

		static Medians of(List<Row> rows) {
			List<Integer> levels = rows.stream().map(r -> r.stage().level()).sorted().toList();
			Stage stage = levels.isEmpty() ? null : Stage.values()[levels.get((levels.size() - 1) / 2)];
			return new Medians(stage, median(rows, Row::daysInStage), median(rows, Row::readiness),
					median(rows, Row::reachPercent), median(rows, Row::activeChampions), median(rows, Row::running),
					median(rows, Row::succeeded), median(rows, Row::openObjections));
		}

		/** The median of the figures that are present, {@code null} when none is. */
		static Double median(List<Row> rows, Function<Row, ? extends Number> figure) {
			List<Double> values = rows.stream()
				.map(figure)
				.filter(Objects::nonNull)
				.map(Number::doubleValue)
				.sorted()
				.toList();
			if (values.isEmpty()) {
				return null;
			}
			int middle = values.size() / 2;
			return values.size() % 2 == 1 ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
		}

	}

	/** The columns the comparison sorts by, each with its order from low to high. */
	enum Column {

		NAME(Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER)),
		STAGE(Comparator.comparing(Row::stage)),
		TIME(Comparator.comparingLong(Row::daysInStage)),
		READINESS(Comparator.comparing(Row::readiness, Comparator.nullsFirst(Comparator.naturalOrder()))),
		REACH(Comparator.comparing(Row::reachPercent, Comparator.nullsFirst(Comparator.naturalOrder()))),
		CHAMPIONS(Comparator.comparingLong(Row::activeChampions)),
		RUNNING(Comparator.comparingLong(Row::running)),
		SUCCEEDED(Comparator.comparingLong(Row::succeeded)),
		OBJECTIONS(Comparator.comparingLong(Row::openObjections));

		private final Comparator<Row> order;

		Column(Comparator<Row> order) {
			this.order = order;
		}

		Comparator<Row> order() {
			return order;
		}

		/** How the column is named in a URL's {@code sort}. */
		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

		public String messageKey() {
			return "compare.column." + name();
		}

	}

}
