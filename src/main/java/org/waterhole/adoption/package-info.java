/**
 * Adoption, for the fourth tactic, Wait: each department's stage of adoption over time, the
 * milestones and objections on the way, and the managers' dashboard. It learns what the other
 * modules do from their events (case study published, experiment started, completed or
 * abandoned, champion joined or left), recorded into its own append-only timeline.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Adoption")
package org.waterhole.adoption;
