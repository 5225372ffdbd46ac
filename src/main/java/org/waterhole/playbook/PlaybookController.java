package org.waterhole.playbook;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waterhole.adoption.Dashboard;
import org.waterhole.casestudy.ReaderListViews;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.web.FlashMessage;

/**
 * A department's readiness and next steps: the score for managers and the strategist, the
 * suggestions (accept, dismiss) for the strategist. Each time the page (or a form it opens) names
 * people by what they read, the view is logged ({@link ReaderListViews}).
 */
@Controller
@RequestMapping("/playbook/departments/{id}")
class PlaybookController {

	private final Playbook playbook;

	private final ReaderListViews views;

	PlaybookController(Playbook playbook, ReaderListViews views) {
		this.playbook = playbook;
		this.views = views;
	}

	@GetMapping
	String department(@PathVariable long id, @AuthenticationPrincipal WaterholeUser user, Model model) {
		if (!model.containsAttribute("dismissForm")) {
			model.addAttribute("dismissForm", new DismissForm());
		}
		return page(id, user, model);
	}

	/** Accepting a suggestion opens its form, prefilled from what the department's signals are today. */
	@GetMapping("/accept/{rule}")
	String accept(@PathVariable long id, @PathVariable Rule rule, @AuthenticationPrincipal WaterholeUser user,
			RedirectAttributes redirect) {
		return playbook.acceptUrl(id, rule).map(url -> {
			if (Playbook.namesReader(url)) {
				views.department(user.getPersonId(), id);
			}
			return "redirect:" + url;
		}).orElseGet(() -> {
			FlashMessage.warning(redirect, "playbook.accept.gone");
			return "redirect:/playbook/departments/" + id;
		});
	}

	/** Recording a check-in: the form of an adoption note, titled for the department. */
	@GetMapping("/check-in")
	String checkIn(@PathVariable long id) {
		return "redirect:" + playbook.checkInUrl(id);
	}

	@PostMapping("/dismissals")
	@PreAuthorize("hasRole('STRATEGIST')")
	String dismiss(@PathVariable long id, @Valid @ModelAttribute("dismissForm") DismissForm form, BindingResult result,
			@AuthenticationPrincipal WaterholeUser user, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return page(id, user, model);
		}
		FlashMessage.outcome(redirect, playbook.dismiss(id, form.getRule(), form.getReason(), user.getPersonId()),
				"playbook.dismissed", "playbook.accept.gone");
		return "redirect:/playbook/departments/" + id;
	}

	/** The department's page for the user, its view logged when it names people by what they read. */
	private String page(long id, WaterholeUser user, Model model) {
		Playbook.DepartmentPlaybook page = playbook.department(id, user.isStrategist());
		if (page.namesReaders()) {
			views.department(user.getPersonId(), id);
		}
		model.addAttribute("playbook", page);
		model.addAttribute("privacyFloor", Dashboard.PRIVACY_FLOOR);
		model.addAttribute("takenUp", Readiness.TAKEN_UP);
		return "playbook/department";
	}

	/** Shows a dismissed suggestion again, for a dismissal made by mistake or one whose reason has passed. */
	@PostMapping("/dismissals/{rule}/delete")
	@PreAuthorize("hasRole('STRATEGIST')")
	String restore(@PathVariable long id, @PathVariable Rule rule, RedirectAttributes redirect) {
		FlashMessage.outcome(redirect, playbook.restore(id, rule), "playbook.restored", "playbook.restore.gone");
		return "redirect:/playbook/departments/" + id;
	}

}
