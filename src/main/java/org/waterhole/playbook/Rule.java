package org.waterhole.playbook;

/**
 * The rules that suggest a department's next actions, each tied to one of the four tactics; in
 * the order they are offered when several apply.
 */
public enum Rule {

	/** An open objection: the case studies and champions that answer its category (Educate, Support). */
	ANSWER_OBJECTION,

	/** No active champion: the department's people who read most or found case studies helpful (Support). */
	RECRUIT_CHAMPION,

	/** Interested but no experiment: one that succeeded in a similar department (Experiment). */
	PROPOSE_EXPERIMENT,

	/** Aware or interested and reading little: published case studies its people haven't read (Educate). */
	SHARE_CASE_STUDIES,

	/** No stage change for the stalled period: look at the last events and check in (Wait). */
	CHECK_IN

}
