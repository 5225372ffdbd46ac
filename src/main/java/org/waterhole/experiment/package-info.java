/**
 * The experiment tracker, for the second tactic, Experiment: the strategist logs small
 * experiments (hypothesis, ICE score, a primary metric with baseline and target), runs them,
 * measures them and records what they taught; everyone can read the learnings and the success
 * rate by department and platform.
 * <p>
 * Starting, completing and abandoning an experiment publish
 * {@link org.waterhole.experiment.ExperimentStarted}, {@link org.waterhole.experiment.ExperimentCompleted}
 * and {@link org.waterhole.experiment.ExperimentAbandoned}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Experiment tracker")
package org.waterhole.experiment;
