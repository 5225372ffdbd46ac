package org.waterhole.playbook;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.waterhole.champion.ChampionInvitations;
import org.waterhole.organization.WaterholeUser;

/** The start page after signing in; for the strategist, it opens with the agenda. */
@Controller
class HomeController {

	private final Agenda agenda;

	private final ChampionInvitations invitations;

	HomeController(Agenda agenda, ChampionInvitations invitations) {
		this.agenda = agenda;
		this.invitations = invitations;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal WaterholeUser user, Model model) {
		if (user.isStrategist()) {
			model.addAttribute("agenda", agenda.today());
		}
		model.addAttribute("invitation", invitations.waitingFor(user.getPersonId()).orElse(null));
		return "home";
	}

}
