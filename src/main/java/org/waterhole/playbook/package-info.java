/**
 * The strategist's playbook: where to apply which tactic next. It reads what the other modules
 * know about each department into a transparent readiness score, suggests up to three next
 * actions by rules tied to the four tactics, keeps each department's check-in rhythm, and
 * gathers what needs the strategist's attention into the home page's agenda and a weekly
 * digest e-mail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Playbook")
package org.waterhole.playbook;
