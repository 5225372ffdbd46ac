package org.waterhole.playbook;

import java.util.ArrayList;
import java.util.List;

import org.waterhole.adoption.AdoptionSignals;
import org.waterhole.adoption.Dashboard;
import org.waterhole.adoption.Stage;

/**
 * Which next actions a department's signals call for, in the order of {@link Rule}, each with
 * its reason and the figures it depends on (its fingerprint): a dismissed suggestion comes back
 * once those figures change. Fingerprints hold figures that only grow (champion reports,
 * experiments started, the newest objection), so that a situation that ends and comes back
 * (a champion joins, then leaves) counts as a change.
 */
final class Rules {

	private Rules() {
	}

	static List<Candidate> candidates(Signals s, PlaybookProperties settings) {
		List<Candidate> candidates = new ArrayList<>();
		if (s.openObjections() > 0) {
			candidates.add(new Candidate(Rule.ANSWER_OBJECTION, List.of(s.openObjections()),
					"open=" + s.openObjections() + ";newest=" + s.newestObjection()));
		}
		if (s.activeChampions() == 0) {
			candidates.add(new Candidate(Rule.RECRUIT_CHAMPION, List.of(),
					"champions=0;reports=" + s.championReports()));
		}
		if (s.stage() == Stage.INTERESTED && s.experiments() == 0) {
			candidates.add(new Candidate(Rule.PROPOSE_EXPERIMENT, List.of(AdoptionSignals.EXPERIMENT_DAYS),
					"stage=" + s.stage() + ";since=" + s.stageSince() + ";started=" + s.startedExperiments()));
		}
		// Only with case studies to name: "share these" names them, or isn't suggested.
		if (mayShare(s, settings) && s.unreadToShare()) {
			candidates.add(new Candidate(Rule.SHARE_CASE_STUDIES,
					List.of(s.reachPercent(), s.reachBase(), Dashboard.REACH_DAYS),
					"stage=" + s.stage() + ";reach=" + s.reachPercent() / 10));
		}
		// Stalled, and not checked in with lately: recording the check-in puts it away.
		if (s.stage().compareTo(Stage.ADOPTING) < 0 && s.daysInStage() >= Dashboard.STALLED_DAYS
				&& Playbook.checkIn(s, settings).due()) {
			candidates.add(new Candidate(Rule.CHECK_IN, List.of(s.daysInStage()),
					"since=" + (s.stageSince() != null ? s.stageSince() : s.onRecordSince()) + ";last=" + s.lastRecorded()));
		}
		return candidates;
	}

	/**
	 * Whether sharing case studies is called for, if any for the department is unread: up to
	 * interested, with its reach low.
	 */
	static boolean mayShare(Signals s, PlaybookProperties settings) {
		return s.stage().compareTo(Stage.INTERESTED) <= 0 && s.reachBase() > 0
				&& s.reachPercent() < settings.lowReachPercent();
	}

	/**
	 * Up to how many readers {@link #mayShare} can hold for a department at a stage (its earliest of
	 * the days asked) with that reach base, -1 when it can't: whether a case study is unread is
	 * looked for only then. A reach below the low percent, rounded, has fewer readers than that
	 * percent of the base.
	 */
	static long unreadUpToReaders(Stage stage, long reachBase, PlaybookProperties settings) {
		boolean may = stage.compareTo(Stage.INTERESTED) <= 0 && reachBase > 0;
		return may ? settings.lowReachPercent() * reachBase / 100 : -1;
	}

	/** What a rule suggests for a department before its details are looked up. */
	record Candidate(Rule rule, List<Object> reasonArgs, String fingerprint) {

		String reasonKey() {
			return "playbook.reason." + rule.name();
		}

		/** The reason in a line, for a list that names nothing beside it (the agenda). */
		String shortReasonKey() {
			return "playbook.short." + rule.name();
		}

	}

}
