package org.waterhole.champion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waterhole.champion.ChampionService.UnknownPersonException;
import org.waterhole.champion.VolunteerRequest.AlreadyDecidedException;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.DuplicateException;
import org.waterhole.shared.Platform;
import org.waterhole.shared.StaleEditException;
import org.waterhole.shared.web.EditConflicts;
import org.waterhole.shared.web.FlashMessage;

/** The strategist records and edits champions and decides on the offers of volunteers. */
@Controller
@RequestMapping("/champions")
class ChampionAdminController {

	private static final String FORM = "champions/form";

	private final ChampionService champions;

	private final Volunteering volunteering;

	private final Directory directory;

	private final Clock clock;

	private final EditConflicts conflicts;

	private final ChampionInvitations invitations;

	ChampionAdminController(ChampionService champions, Volunteering volunteering, Directory directory, Clock clock,
			EditConflicts conflicts, ChampionInvitations invitations) {
		this.champions = champions;
		this.invitations = invitations;
		this.volunteering = volunteering;
		this.directory = directory;
		this.clock = clock;
		this.conflicts = conflicts;
	}

	@ModelAttribute("platforms")
	Platform[] platforms() {
		return Platform.values();
	}

	@ModelAttribute("statuses")
	ChampionStatus[] statuses() {
		return ChampionStatus.values();
	}

	@GetMapping("/new")
	String newForm(@RequestParam(required = false) Long person, Model model, RedirectAttributes redirect) {
		ChampionForm form = new ChampionForm();
		form.setSince(LocalDate.now(clock));
		if (person != null) {
			// Suggested by the playbook: a keen reader of the department. One on record already
			// (paused, or an alumnus) is asked back from their page; an unknown id leaves the field empty.
			Optional<Long> already = champions.championOf(person);
			if (already.isPresent()) {
				boolean active = champions.view(already.get()).status() == ChampionStatus.ACTIVE;
				FlashMessage.warning(redirect, active ? "champion.person.active" : "champion.person.onRecord");
				return "redirect:/champions/" + already.get();
			}
			form.setPersonEmail(champions.emailOf(person).orElse(null));
		}
		model.addAttribute("form", form);
		return formView(null, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('STRATEGIST')")
	String create(@Validated({ ChampionForm.Create.class, jakarta.validation.groups.Default.class })
	@ModelAttribute("form") ChampionForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return formView(null, model);
		}
		try {
			long id = champions.create(form);
			FlashMessage.success(redirect, "champion.created");
			return "redirect:/champions/" + id;
		}
		catch (UnknownPersonException ex) {
			result.rejectValue("personEmail", "champion.person.unknown");
		}
		catch (DuplicateException ex) {
			result.rejectValue("personEmail", "champion.person.taken");
		}
		return formView(null, model);
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		model.addAttribute("form", champions.form(id));
		return formView(id, model);
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") ChampionForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		champions.requireExists(id);
		if (!result.hasErrors()) {
			try {
				champions.update(id, form);
				FlashMessage.success(redirect, "champion.updated");
				return "redirect:/champions/" + id;
			}
			catch (StaleEditException | OptimisticLockingFailureException ex) {
				conflicts.show(model, "champion", form, champions.form(id));
			}
		}
		return formView(id, model);
	}

	@GetMapping("/requests")
	String requests(Model model) {
		model.addAttribute("requests", directory.pending());
		model.addAttribute("invitations", invitations.forStrategist());
		if (!model.containsAttribute("decline")) {
			model.addAttribute("decline", new DeclineForm());
		}
		return "champions/requests";
	}

	@PostMapping("/requests/{id}/accept")
	@PreAuthorize("hasRole('STRATEGIST')")
	String accept(@PathVariable long id, @AuthenticationPrincipal WaterholeUser user, RedirectAttributes redirect) {
		try {
			Volunteering.Acceptance acceptance = volunteering.accept(id, user.getPersonId());
			if (acceptance.wasChampionAlready()) {
				FlashMessage.warning(redirect, "volunteer.acceptedAlreadyChampion");
			}
			else {
				FlashMessage.success(redirect, "volunteer.accepted");
			}
			return "redirect:/champions/" + acceptance.championId();
		}
		catch (DuplicateException ex) {
			// Recorded as a champion by someone else at this very moment: the offer stays, and
			// accepting it again closes it (see Volunteering.accept).
			FlashMessage.warning(redirect, "volunteer.alreadyChampion");
		}
		catch (AlreadyDecidedException ex) {
			FlashMessage.warning(redirect, "volunteer.alreadyDecided");
		}
		return "redirect:/champions/requests";
	}

	@PostMapping("/requests/{id}/decline")
	@PreAuthorize("hasRole('STRATEGIST')")
	String decline(@PathVariable long id, @Valid @ModelAttribute("decline") DeclineForm decline, BindingResult result,
			@AuthenticationPrincipal WaterholeUser user, Model model, RedirectAttributes redirect) {
		if (!volunteering.isPending(id)) {
			// Answered in the meantime (in another tab, by another strategist): the reason is moot.
			FlashMessage.warning(redirect, "volunteer.alreadyDecided");
			return "redirect:/champions/requests";
		}
		if (result.hasErrors()) {
			model.addAttribute("declining", id);
			return requests(model);
		}
		try {
			volunteering.decline(id, decline.getReason(), user.getPersonId());
			FlashMessage.success(redirect, "volunteer.declined");
		}
		catch (AlreadyDecidedException ex) {
			FlashMessage.warning(redirect, "volunteer.alreadyDecided");
		}
		return "redirect:/champions/requests";
	}

	private String formView(Long id, Model model) {
		model.addAttribute("id", id);
		return FORM;
	}

	/** Why an offer is declined: the volunteer reads it. */
	public static class DeclineForm {

		@NotBlank
		@Size(max = 600)
		private String reason;

		public String getReason() {
			return reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

	}

}
