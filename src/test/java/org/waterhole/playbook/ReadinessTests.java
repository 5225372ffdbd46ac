package org.waterhole.playbook;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.waterhole.adoption.Stage;
import org.waterhole.playbook.Readiness.Change;
import org.waterhole.playbook.Readiness.Contribution;
import org.waterhole.playbook.Readiness.Score;
import org.waterhole.playbook.Readiness.Signal;

import static org.assertj.core.api.Assertions.assertThat;

/** The readiness score's rules on signals made by hand, without the application. */
class ReadinessTests {

	/** The defaults of application.properties. */
	static final PlaybookProperties.Weights WEIGHTS = new PlaybookProperties.Weights(25, 50, 10, 10, 20, 2, 15, 2, 5,
			4, 25, 5, 15, 10);

	static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	@Test
	void reach_counts_over_the_headcount_when_the_department_has_one() {
		Signals withHeadcount = signals(Stage.INTERESTED, 10, 40, 10, 0, 0);
		Signals without = signals(Stage.INTERESTED, 10, null, 10, 0, 0);

		assertThat(withHeadcount.reachPercent()).isEqualTo(25);
		assertThat(withHeadcount.overHeadcount()).isTrue();
		assertThat(points(Readiness.of(withHeadcount, WEIGHTS), Signal.REACH)).isEqualTo(12.5);
		assertThat(without.reachPercent()).isEqualTo(100);
		assertThat(without.overHeadcount()).isFalse();
		assertThat(points(Readiness.of(without, WEIGHTS), Signal.REACH)).isEqualTo(25.0);
		// A headcount of 0 means none was given: the people on record count.
		assertThat(signals(Stage.INTERESTED, 10, 0, 5, 0, 0).reachPercent()).isEqualTo(50);
	}

	/** Unaware, three objections and 400 days without moving: −15 and −10 take it below 0. */
	@Test
	void a_total_below_zero_is_shown_with_its_raw_sum() {
		Signals s = new Signals(1, "Finance", TODAY, 10, null, TODAY.minusDays(400), Stage.UNAWARE, null, 3, 9L,
				Set.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, true);

		Score score = Readiness.of(s, WEIGHTS);

		assertThat(score.value()).isZero();
		assertThat(score.raw()).isEqualTo(-25.0);
		assertThat(score.capped()).isTrue();
		assertThat(Readiness.of(signals(Stage.INTERESTED, 10, null, 5, 0, 0), WEIGHTS).capped()).isFalse();
	}

	/**
	 * An advocating department whose people read little lately (5 %: 2.5 points, and 25 for its
	 * stage) starts at 75 and adds a quarter of its 27.5: 82, above an experimenting one with every
	 * signal full (held at 75, less its objection).
	 */
	@Test
	void a_department_that_took_social_media_up_scores_at_least_one_still_experimenting() {
		Signals advocating = signals(Stage.ADVOCATING, 20, null, 1, 0, 0);
		Signals experimenting = new Signals(2, "Research", TODAY, 10, null, TODAY.minusYears(2), Stage.EXPERIMENTING,
				TODAY.minusDays(30), 1, 5L, Set.of(), 3, 3, 8, 1, 2, 0, 3, 10, 10, TODAY, null, true);

		Score advocates = Readiness.of(advocating, WEIGHTS);
		Score experiments = Readiness.of(experimenting, WEIGHTS);

		assertThat(points(advocates, Signal.STAGE_BAND)).isPositive();
		assertThat(advocates.value()).isEqualTo(82);
		assertThat(advocates.raw()).isEqualTo(81.9);
		// Every signal full: 25 + 10 + 20 + 15 + 5 + 15 = 90, held at 75, less 5 for its objection.
		assertThat(points(experiments, Signal.STAGE_BAND)).isEqualTo(-15.0);
		assertThat(experiments.value()).isEqualTo(70);
		assertThat(advocates.value()).isGreaterThan(experiments.value());
		// Open objections still take an advocating department's points away, after the band.
		Signals objecting = new Signals(1, "Admissions", TODAY, 20, null, TODAY.minusYears(2), Stage.ADVOCATING,
				TODAY.minusDays(90), 2, 4L, Set.of(), 0, 0, 0, 0, 0, 0, 0, 1, 0, TODAY, null, true);
		assertThat(Readiness.of(objecting, WEIGHTS).value()).isEqualTo(72);
		// With nothing at all but its stage, an adopting department starts at the band's 75 and 5 more.
		assertThat(Readiness.of(signals(Stage.ADOPTING, 20, null, 0, 0, 0), WEIGHTS).value())
			.isEqualTo(Readiness.TAKEN_UP + 5);
	}

	@Test
	void what_changed_since_last_month_names_each_signal_that_moved() {
		Signals then = signals(Stage.INTERESTED, 50, null, 6, 0, 0);
		Signals now = signals(Stage.EXPERIMENTING, 50, null, 15, 0, 0);

		var changes = Readiness.changes(Readiness.of(then, WEIGHTS), Readiness.of(now, WEIGHTS));

		assertThat(changes).extracting(Change::signal).containsExactly(Signal.REACH, Signal.STAGE);
		Change reach = changes.get(0);
		assertThat(reach.figureThen()).isEqualTo(12L);
		assertThat(reach.figureNow()).isEqualTo(30L);
		assertThat(reach.pointsThen()).isEqualTo(6.0);
		assertThat(reach.pointsNow()).isEqualTo(15.0);
		assertThat(reach.points()).isEqualTo(9.0);
		assertThat(sentence(reach)).isEqualTo("Education reach rose from 12 % to 30 % of staff: +9 points.");
		assertThat(sentence(changes.get(1))).isEqualTo("Stage rose from Interested to Experimenting: +5 points.");
	}

	@Test
	void a_signal_that_lost_points_says_so() {
		Signals then = signals(Stage.INTERESTED, 50, null, 15, 0, 0);
		Signals now = signals(Stage.INTERESTED, 50, null, 15, 2, 0);

		var changes = Readiness.changes(Readiness.of(then, WEIGHTS), Readiness.of(now, WEIGHTS));

		assertThat(changes).extracting(Change::signal).containsExactly(Signal.OBJECTIONS);
		assertThat(sentence(changes.get(0))).isEqualTo("Open objections rose from 0 to 2: −10 points.");
		assertThat(Readiness.changes(Readiness.of(now, WEIGHTS), Readiness.of(now, WEIGHTS))).isEmpty();
	}

	private static String sentence(Change change) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages.getMessage(change.messageKey(), change.messageArgs().toArray(), Locale.ENGLISH)
			.replace('\u00a0', ' ');
	}

	private static double points(Score score, Signal signal) {
		return score.contributions()
			.stream()
			.filter(c -> c.signal() == signal)
			.mapToDouble(Contribution::shown)
			.findFirst()
			.orElseThrow();
	}

	/** A department on record for two years, at a stage since 30 days, with the figures given. */
	private static Signals signals(Stage stage, long people, Integer headcount, long readers, long objections,
			long champions) {
		return new Signals(1, "Admissions", TODAY, people, headcount, TODAY.minusYears(2), stage, TODAY.minusDays(30),
				objections, objections > 0 ? 7L : null, Set.of(), champions, champions, 0, 0, 0, 0, 0, readers, 0,
				TODAY, null, true);
	}

}
