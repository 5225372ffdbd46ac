package org.waterhole.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.waterhole.adoption.Dashboard;
import org.waterhole.adoption.Stage;

/**
 * The readiness score (0 to 100) of a department on a day, and what each signal gave to it.
 * Every signal gives points in proportion to its figure, up to the figure configured as full.
 * The stage then sets a band: below Adopting the signals count {@value #TAKEN_UP} points at most;
 * from Adopting on the score starts at {@value #TAKEN_UP} and the signals add a quarter of their
 * points, so that, before penalties, a department that has taken social media up never looks
 * less ready than one still trying it (its people may read less once they use it every day).
 * Open objections and a long time at a stage below Adopting take points away last. The total
 * shown is kept between 0 and 100; the sum before that is kept too, and shown when it differs.
 * The weights are {@link PlaybookProperties.Weights}.
 */
final class Readiness {

	/** The points that divide the departments that took social media up from those still on the way. */
	static final int TAKEN_UP = 75;

	private Readiness() {
	}

	static Score of(Signals s, PlaybookProperties.Weights w) {
		List<Contribution> parts = new ArrayList<>();
		long base = s.reachBase();
		parts.add(new Contribution(Signal.REACH, List.of(s.reachPercent(), s.readers(), base), s.reachPercent(),
				base == 0 ? 0 : w.reach() * share(s.reachPercent(), w.reachFullPercent()), w.reach()));
		double marksPerHundred = s.people() == 0 ? 0 : 100.0 * s.helpfulMarks() / s.people();
		parts.add(new Contribution(Signal.HELPFUL, List.of(s.helpfulMarks()), s.helpfulMarks(),
				w.helpful() * share(marksPerHundred, w.helpfulFullPerHundred()), w.helpful()));
		double experiments = s.succeededExperiments() + 0.5 * (s.runningExperiments() + s.otherExperiments());
		parts.add(new Contribution(Signal.EXPERIMENTS,
				List.of(s.succeededExperiments(), s.runningExperiments(), s.otherExperiments()), s.experiments(),
				w.experiments() * share(experiments, w.experimentsFull()), w.experiments()));
		parts.add(new Contribution(Signal.CHAMPIONS, List.of(s.activeChampions()), s.activeChampions(),
				w.champions() * share(s.activeChampions(), w.championsFull()), w.champions()));
		parts.add(new Contribution(Signal.ACTIVITY, List.of(s.championActivities()), s.championActivities(),
				w.activity() * share(s.championActivities(), w.activitiesFull()), w.activity()));
		parts.add(new Contribution(Signal.STAGE, List.of(s.stage().level()), s.stage(),
				w.stage() * s.stage().level() / (double) Stage.ADVOCATING.level(), w.stage()));
		parts.add(band(s.stage(), parts.stream().mapToDouble(Contribution::points).sum()));
		parts.add(new Contribution(Signal.OBJECTIONS, List.of(s.openObjections()), s.openObjections(),
				-Math.min(w.objectionPenaltyMax(), s.openObjections() * w.objectionPenalty()), 0));
		double stuck = s.stage().compareTo(Stage.ADOPTING) < 0
				? share(s.daysInStage() - Dashboard.STALLED_DAYS, Dashboard.STALLED_DAYS) : 0;
		parts.add(new Contribution(Signal.TIME_IN_STAGE, List.of(s.daysInStage()), null,
				-w.stalledPenaltyMax() * stuck, 0));
		double raw = parts.stream().mapToDouble(Contribution::points).sum();
		return new Score((int) Math.max(0, Math.min(100, Math.round(raw))), Math.round(raw * 10) / 10.0,
				List.copyOf(parts));
	}

	/**
	 * What the stage's band adds to or takes from the points the signals gave: from Adopting on the
	 * score starts at {@link #TAKEN_UP} and the signals add a quarter of their points (so that they
	 * still tell such departments apart); below, the signals count up to {@link #TAKEN_UP}.
	 */
	private static Contribution band(Stage stage, double gained) {
		boolean takenUp = stage.compareTo(Stage.ADOPTING) >= 0;
		double above = 100 - TAKEN_UP;
		double points = takenUp ? TAKEN_UP + Math.max(0, gained) * above / 100 - gained : Math.min(0, TAKEN_UP - gained);
		return new Contribution(Signal.STAGE_BAND, List.of(takenUp ? 1 : 0, TAKEN_UP, (int) above), null, points, 0);
	}

	/** How much of the way to {@code full} the figure is, from 0 to 1. */
	private static double share(double figure, double full) {
		return Math.max(0, Math.min(1, figure / full));
	}

	/**
	 * What changed between two scores of a department (the end of last month, and today), signal
	 * by signal, in the order shown: the signals whose figure or points changed.
	 */
	static List<Change> changes(Score then, Score now) {
		List<Change> changes = new ArrayList<>();
		for (int i = 0; i < now.contributions().size(); i++) {
			Contribution before = then.contributions().get(i);
			Contribution after = now.contributions().get(i);
			if (!Objects.equals(before.figure(), after.figure()) || before.shown() != after.shown()) {
				changes.add(new Change(after.signal(), before.figure(), after.figure(), before.shown(), after.shown()));
			}
		}
		return List.copyOf(changes);
	}

	/** What goes into the score. */
	enum Signal {

		REACH, HELPFUL, EXPERIMENTS, CHAMPIONS, ACTIVITY, STAGE, STAGE_BAND, OBJECTIONS, TIME_IN_STAGE;

		public String messageKey() {
			return "playbook.signal." + name();
		}

		/** Whether its figures are about what people read (hidden from managers for small departments). */
		public boolean personal() {
			return this == REACH || this == HELPFUL;
		}

		/**
		 * Whether its points follow from what people read: the personal signals, and the stage's
		 * band, which is worked out from every signal's points.
		 */
		public boolean fromReadings() {
			return personal() || this == STAGE_BAND;
		}

	}

	/**
	 * What one signal gave: its figures (the arguments of its message), its headline figure (what
	 * a change since last month names: a number, the stage, or {@code null} for the band), the points
	 * it added (or, below zero, took away), and the most it can add (0 for a penalty or the band).
	 */
	record Contribution(Signal signal, List<Object> figures, Object figure, double points, int max) {

		/** The points to one decimal, as shown. */
		public double shown() {
			return Math.round(points * 10) / 10.0;
		}

	}

	/**
	 * A score (0 to 100), the sum of its contributions before it was kept within 0 to 100 (to
	 * one decimal), and its contributions in the order shown.
	 */
	record Score(int value, double raw, List<Contribution> contributions) {

		/** Whether the sum fell outside 0 to 100 and was kept within. */
		public boolean capped() {
			return Math.round(raw) != value;
		}

	}

	/** How one signal moved: its headline figure and its points then and now. */
	record Change(Signal signal, Object figureThen, Object figureNow, double pointsThen, double pointsNow) {

		/** The points gained (above zero) or lost, to one decimal. */
		public double points() {
			return Math.round((pointsNow - pointsThen) * 10) / 10.0;
		}

		/** -1, 0 or 1: the sign of {@link #points()}, for the message's choice. */
		public int pointsSign() {
			return (int) Math.signum(points());
		}

		/**
		 * The sentence's message: with the figures then and now, the same figure (only the points
		 * moved), or the points alone for the signals without a figure of their own.
		 */
		public String messageKey() {
			if (figureNow == null) {
				return "playbook.change.points";
			}
			if (direction() == 0) {
				return "playbook.change.same";
			}
			return signal == Signal.REACH ? "playbook.change.REACH" : "playbook.change";
		}

		/**
		 * The sentence's arguments: the signal's name, the direction, the figures then and now, and
		 * the points gained or lost; names and stages are resolved by the message source.
		 */
		public List<Object> messageArgs() {
			return List.of(resolvable(signal.messageKey()), direction(), shown(figureThen), shown(figureNow),
					new DefaultMessageSourceResolvable(new String[] { "playbook.change.pointsText" },
							new Object[] { pointsSign(), Math.abs(points()) }));
		}

		private static Object shown(Object figure) {
			if (figure instanceof Stage stage) {
				return resolvable(stage.messageKey());
			}
			return figure == null ? "" : figure;
		}

		private static DefaultMessageSourceResolvable resolvable(String key) {
			return new DefaultMessageSourceResolvable(key);
		}

		/** 1 when the figure rose, -1 when it fell, 0 when it stayed (only the points moved). */
		public int direction() {
			if (figureThen instanceof Stage a && figureNow instanceof Stage b) {
				return Integer.signum(b.compareTo(a));
			}
			if (figureThen instanceof Number a && figureNow instanceof Number b) {
				return Long.signum(b.longValue() - a.longValue());
			}
			return 0;
		}

	}

}
