package org.waterhole.organization;

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
import org.waterhole.shared.web.FlashMessage;

/**
 * Everyone signed in chooses here whether their name may be connected to what they read: either
 * way their readings count for their department; unnamed, they are on no list of readers and
 * never suggested as a keen reader.
 */
@Controller
@RequestMapping("/account/readings")
class OwnReadingsController {

	private static final String VIEW = "account/readings";

	private final ReadingPrivacy privacy;

	OwnReadingsController(ReadingPrivacy privacy) {
		this.privacy = privacy;
	}

	@GetMapping
	String form(@AuthenticationPrincipal WaterholeUser user, Model model) {
		ReadingChoiceForm form = new ReadingChoiceForm();
		form.setUnnamed(privacy.isUnnamed(user.getPersonId()));
		model.addAttribute("readingChoiceForm", form);
		return VIEW;
	}

	@PostMapping
	@PreAuthorize("isAuthenticated()")
	String change(@AuthenticationPrincipal WaterholeUser user, @ModelAttribute ReadingChoiceForm form,
			BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return VIEW;
		}
		privacy.choose(user.getPersonId(), form.isUnnamed());
		if (form.isUnnamed()) {
			FlashMessage.success(redirect, "readings.choice.savedUnnamed");
		}
		else {
			FlashMessage.success(redirect, "readings.choice.savedNamed");
		}
		return "redirect:/account/readings";
	}

}
