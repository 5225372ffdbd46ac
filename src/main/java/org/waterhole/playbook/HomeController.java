package org.waterhole.playbook;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.waterhole.organization.WaterholeUser;

/** The start page after signing in; for the strategist, it opens with the agenda. */
@Controller
class HomeController {

	private final Agenda agenda;

	HomeController(Agenda agenda) {
		this.agenda = agenda;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal WaterholeUser user, Model model) {
		if (user.isStrategist()) {
			model.addAttribute("agenda", agenda.today());
		}
		return "home";
	}

}
