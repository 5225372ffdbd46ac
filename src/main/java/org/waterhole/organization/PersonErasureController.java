package org.waterhole.organization;

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
import org.waterhole.organization.PersonErasure.AlreadyErasedException;
import org.waterhole.organization.PersonErasure.NameMismatchException;
import org.waterhole.organization.PersonErasure.SelfErasureException;
import org.waterhole.shared.web.FlashMessage;

/** The strategist erases a person: a page says what will happen, and their name typed confirms it. */
@Controller
@RequestMapping("/people/{id}/erase")
class PersonErasureController {

	private static final String VIEW = "people/erase";

	private final PersonService people;

	private final PersonErasure erasure;

	PersonErasureController(PersonService people, PersonErasure erasure) {
		this.people = people;
		this.erasure = erasure;
	}

	@GetMapping
	String confirm(@PathVariable long id, @AuthenticationPrincipal WaterholeUser user, Model model,
			RedirectAttributes redirect) {
		if (people.isErased(id)) {
			FlashMessage.warning(redirect, "people.erase.already");
			return "redirect:/people";
		}
		model.addAttribute("form", new ErasureForm());
		return view(id, user, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('STRATEGIST')")
	String erase(@PathVariable long id, @Valid @ModelAttribute("form") ErasureForm form, BindingResult result,
			@AuthenticationPrincipal WaterholeUser user, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return view(id, user, model);
		}
		try {
			erasure.erase(id, form.getConfirmation(), user.getPersonId());
			FlashMessage.success(redirect, "people.erase.done");
			return "redirect:/people";
		}
		catch (NameMismatchException ex) {
			result.rejectValue("confirmation", "people.erase.mismatch");
		}
		catch (SelfErasureException ex) {
			result.reject("people.erase.self");
		}
		catch (AlreadyErasedException ex) {
			FlashMessage.warning(redirect, "people.erase.already");
			return "redirect:/people";
		}
		return view(id, user, model);
	}

	private String view(long id, WaterholeUser user, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("personName", people.name(id));
		model.addAttribute("self", user.getPersonId() == id);
		return VIEW;
	}

}
