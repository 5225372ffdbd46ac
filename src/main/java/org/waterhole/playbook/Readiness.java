package org.waterhole.playbook;

import java.util.ArrayList;
import java.util.List;

import org.waterhole.adoption.Dashboard;
import org.waterhole.adoption.Stage;

/**
 * The readiness score (0 to 100) of a department on a day, and what each signal gave to it.
 * Every signal gives points in proportion to its figure, up to the figure configured as full;
 * open objections and a long time at a stage below adopting take points away. Nothing else goes
 * into the score: the weights are {@link PlaybookProperties.Weights}.
 */
final class Readiness {

	private Readiness() {
	}

	static Score of(Signals s, PlaybookProperties.Weights w) {
		List<Contribution> parts = new ArrayList<>();
		parts.add(new Contribution(Signal.REACH, List.of(s.reachPercent(), s.readers(), s.people()),
				s.people() == 0 ? 0 : w.reach() * share(s.reachPercent(), w.reachFullPercent()), w.reach()));
		double marksPerHundred = s.people() == 0 ? 0 : 100.0 * s.helpfulMarks() / s.people();
		parts.add(new Contribution(Signal.HELPFUL, List.of(s.helpfulMarks()),
				w.helpful() * share(marksPerHundred, w.helpfulFullPerHundred()), w.helpful()));
		double experiments = s.succeededExperiments() + 0.5 * (s.runningExperiments() + s.otherExperiments());
		parts.add(new Contribution(Signal.EXPERIMENTS,
				List.of(s.succeededExperiments(), s.runningExperiments(), s.otherExperiments()),
				w.experiments() * share(experiments, w.experimentsFull()), w.experiments()));
		parts.add(new Contribution(Signal.CHAMPIONS, List.of(s.activeChampions()),
				w.champions() * share(s.activeChampions(), w.championsFull()), w.champions()));
		parts.add(new Contribution(Signal.ACTIVITY, List.of(s.championActivities()),
				w.activity() * share(s.championActivities(), w.activitiesFull()), w.activity()));
		parts.add(new Contribution(Signal.STAGE, List.of(s.stage().level()),
				w.stage() * s.stage().level() / (double) Stage.ADVOCATING.level(), w.stage()));
		parts.add(new Contribution(Signal.OBJECTIONS, List.of(s.openObjections()),
				-Math.min(w.objectionPenaltyMax(), s.openObjections() * w.objectionPenalty()), 0));
		double stuck = s.stage().compareTo(Stage.ADOPTING) < 0
				? share(s.daysInStage() - Dashboard.STALLED_DAYS, Dashboard.STALLED_DAYS) : 0;
		parts.add(new Contribution(Signal.TIME_IN_STAGE, List.of(s.daysInStage()), -w.stalledPenaltyMax() * stuck, 0));
		double total = parts.stream().mapToDouble(Contribution::points).sum();
		return new Score((int) Math.max(0, Math.min(100, Math.round(total))), List.copyOf(parts));
	}

	/** How much of the way to {@code full} the figure is, from 0 to 1. */
	private static double share(double figure, double full) {
		return Math.max(0, Math.min(1, figure / full));
	}

	/** What goes into the score. */
	enum Signal {

		REACH, HELPFUL, EXPERIMENTS, CHAMPIONS, ACTIVITY, STAGE, OBJECTIONS, TIME_IN_STAGE;

		public String messageKey() {
			return "playbook.signal." + name();
		}

		/** Whether its figures are about what people read (hidden from managers for small departments). */
		public boolean personal() {
			return this == REACH || this == HELPFUL;
		}

	}

	/**
	 * What one signal gave: its figures (the arguments of its message), the points it added (or,
	 * below zero, took away), and the most it can add (0 for a penalty).
	 */
	record Contribution(Signal signal, List<Object> figures, double points, int max) {

		/** The points to one decimal, as shown. */
		public double shown() {
			return Math.round(points * 10) / 10.0;
		}

	}

	/** A score and its contributions, in the order shown. */
	record Score(int value, List<Contribution> contributions) {
	}

}
