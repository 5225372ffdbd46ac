package org.waterhole.champion;

import java.util.List;

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
import org.waterhole.champion.Volunteering.OwnRequest;
import org.waterhole.organization.DepartmentService;
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

	private final DepartmentService departments;

	VolunteerController(Volunteering volunteering, ChampionService champions, DepartmentService departments) {
		this.volunteering = volunteering;
		this.champions = champions;
		this.departments = departments;
	}

	@GetMapping
	String form(@AuthenticationPrincipal WaterholeUser user, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new VolunteerForm());
		}
		return view(user, model, false);
	}

	@PostMapping
	@PreAuthorize("hasRole('STAFF')")
	String volunteer(@Valid @ModelAttribute("form") VolunteerForm form, BindingResult result,
			@AuthenticationPrincipal WaterholeUser user, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return view(user, model, true); // the form comes back with what is wrong, even beside an offer that waits
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

	/** The person takes back their offer that waits. */
	@PostMapping("/withdraw")
	@PreAuthorize("hasRole('STAFF')")
	String withdraw(@AuthenticationPrincipal WaterholeUser user, RedirectAttributes redirect) {
		if (volunteering.withdraw(user.getPersonId())) {
			FlashMessage.success(redirect, "volunteer.withdrawn");
		}
		else {
			FlashMessage.warning(redirect, "volunteer.nothingToWithdraw");
		}
		return "redirect:/champions/volunteer";
	}

	/**
	 * The form, or the offer that waits (what was sent, for which department, when, and what
	 * happens next) instead of it unless {@code refusedForm} (a submitted form with errors), and
	 * the answers to earlier offers.
	 */
	private String view(WaterholeUser user, Model model, boolean refusedForm) {
		model.addAttribute("refusedForm", refusedForm);
		List<OwnRequest> requests = volunteering.requestsOf(user.getPersonId());
		model.addAttribute("platforms", Platform.values());
		model.addAttribute("waiting", requests.stream().filter(OwnRequest::pending).findFirst().orElse(null));
		model.addAttribute("requests", requests.stream().filter(r -> !r.pending()).toList());
		model.addAttribute("department",
				user.getDepartmentId() == null ? null : departments.details(user.getDepartmentId()).name());
		model.addAttribute("ownChampion", champions.championOf(user.getPersonId()).orElse(null));
		return VIEW;
	}

}
