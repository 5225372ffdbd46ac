package org.waterhole.playbook;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.waterhole.adoption.Dashboard;
import org.waterhole.champion.ChampionInvitations;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.playbook.Comparison.Departments;
import org.waterhole.playbook.Comparison.Row;

/**
 * The start page after signing in: for the strategist, it opens with the agenda; for a manager,
 * with their department at a glance beside the organisation (or the organisation alone, for a
 * manager in no department).
 */
@Controller
class HomeController {

	private final Agenda agenda;

	private final Comparison comparison;

	private final ChampionInvitations invitations;

	HomeController(Agenda agenda, Comparison comparison, ChampionInvitations invitations) {
		this.agenda = agenda;
		this.comparison = comparison;
		this.invitations = invitations;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal WaterholeUser user, Model model) {
		if (user.isStrategist()) {
			model.addAttribute("agenda", agenda.today());
		}
		else if (user.isManager()) {
			Departments all = comparison.all(false);
			Row mine = user.getDepartmentId() == null ? null : all.row(user.getDepartmentId()).orElse(null);
			model.addAttribute("glance", new Glance(all, mine, mine == null ? 0 : all.rank(mine)));
			model.addAttribute("privacyFloor", Dashboard.PRIVACY_FLOOR);
		}
		model.addAttribute("invitation", invitations.waitingFor(user.getPersonId()).orElse(null));
		return "home";
	}

	/**
	 * What a manager's home shows: every department (for the organisation's figures), their own
	 * department's row ({@code null}: none) and its rank by readiness.
	 */
	record Glance(Departments all, Row mine, int rank) {
	}

}
