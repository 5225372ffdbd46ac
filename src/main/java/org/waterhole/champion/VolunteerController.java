package org.waterhole.champion;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waterhole.champion.Volunteering.AlreadyChampionException;
import org.waterhole.champion.Volunteering.AlreadyPendingException;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.Platform;
import org.waterhole.shared.web.FlashMessage;

/** Any signed-in colleague offers to be a champion, and sees where their offers stand. */
@Controller
@RequestMapping("/champions/volunteer")
class VolunteerController {

	private static final String VIEW = "champions/volunteer";

	private final Volunteering volunteering;

	private final ChampionService champions;

	VolunteerController(Volunteering volunteering, ChampionService champions) {
		this.volunteering = volunteering;
		this.champions = champions;
	}

	@GetMapping
	String form(@AuthenticationPrincipal WaterholeUser user, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new VolunteerForm());
		}
		return view(user, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('STAFF')")
	String volunteer(@Valid @ModelAttribute("form") VolunteerForm form, BindingResult result,
			@AuthenticationPrincipal WaterholeUser user, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return view(user, model);
		}
		try {
			volunteering.volunteer(user.getPersonId(), form);
			FlashMessage.success(redirect, "volunteer.sent");
		}
		catch (AlreadyPendingException ex) {
			FlashMessage.warning(redirect, "volunteer.alreadyPending");
		}
		catch (AlreadyChampionException ex) {
			FlashMessage.warning(redirect, "volunteer.alreadyChampion.self");
		}
		return "redirect:/champions/volunteer";
	}

	private String view(WaterholeUser user, Model model) {
		model.addAttribute("platforms", Platform.values());
		model.addAttribute("requests", volunteering.requestsOf(user.getPersonId()));
		model.addAttribute("ownChampion", champions.championOf(user.getPersonId()).orElse(null));
		return VIEW;
	}

}
