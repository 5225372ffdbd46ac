package org.waterhole.champion;

import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;

import org.springframework.context.i18n.LocaleContextHolder;
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
import org.waterhole.champion.ChampionInvitation.AlreadyAnsweredException;
import org.waterhole.champion.ChampionInvitations.AlreadyChampionException;
import org.waterhole.champion.ChampionInvitations.AlreadyInvitedException;
import org.waterhole.champion.ChampionService.UnknownPersonException;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.DuplicateException;
import org.waterhole.shared.Platform;
import org.waterhole.shared.web.FlashMessage;

/**
 * The strategist invites a colleague to be a champion (nobody is enrolled unasked); the
 * colleague reads the invitation on their own page and accepts or declines it.
 */
@Controller
@RequestMapping("/champions/invitations")
class ChampionInvitationController {

	private static final String FORM = "champions/invite";

	private static final String MINE = "champions/invitations";

	private final ChampionInvitations invitations;

	private final ChampionService champions;

	private final InvitationMail mail;

	ChampionInvitationController(ChampionInvitations invitations, ChampionService champions, InvitationMail mail) {
		this.invitations = invitations;
		this.champions = champions;
		this.mail = mail;
	}

	@ModelAttribute("platforms")
	Platform[] platforms() {
		return Platform.values();
	}

	/** The invitation's form, for a person the playbook suggested ({@code person}) or for anyone. */
	@GetMapping("/new")
	String newForm(@RequestParam(required = false) Long person, Model model, RedirectAttributes redirect) {
		InvitationForm form = new InvitationForm();
		if (person != null) {
			Optional<Long> already = champions.championOf(person);
			if (already.isPresent()) {
				FlashMessage.warning(redirect, "invitation.alreadyChampion");
				return "redirect:/champions/" + already.get();
			}
			if (invitations.isInvited(person)) {
				FlashMessage.warning(redirect, "invitation.alreadyInvited");
				return "redirect:/champions/requests#invitations";
			}
			form.setPersonEmail(invitations.emailOf(person).orElse(null));
		}
		model.addAttribute("form", form);
		return FORM;
	}

	@PostMapping
	@PreAuthorize("hasRole('STRATEGIST')")
	String invite(@Valid @ModelAttribute("form") InvitationForm form, BindingResult result,
			@AuthenticationPrincipal WaterholeUser user, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			ChampionInvitations.Invited invited = invitations.invite(form, user.getPersonId());
			boolean mailed = mail.send(invited, user.getDisplayName(), LocaleContextHolder.getLocale());
			FlashMessage.success(redirect, mailed ? "invitation.sentMailed" : "invitation.sent", invited.name());
			return "redirect:/champions/requests#invitations";
		}
		catch (UnknownPersonException ex) {
			result.rejectValue("personEmail", "champion.person.unknown");
		}
		catch (AlreadyChampionException ex) {
			result.rejectValue("personEmail", "invitation.alreadyChampion");
		}
		catch (AlreadyInvitedException ex) {
			result.rejectValue("personEmail", "invitation.alreadyInvited");
		}
		return FORM;
	}

	@PostMapping("/{id}/withdraw")
	@PreAuthorize("hasRole('STRATEGIST')")
	String withdraw(@PathVariable long id, RedirectAttributes redirect) {
		try {
			invitations.withdraw(id);
			FlashMessage.success(redirect, "invitation.withdrawn");
		}
		catch (AlreadyAnsweredException ex) {
			FlashMessage.warning(redirect, "invitation.alreadyAnswered");
		}
		return "redirect:/champions/requests#invitations";
	}

	/** The signed-in person's invitations, the one waiting with its answer form. */
	@GetMapping("/mine")
	String mine(@AuthenticationPrincipal WaterholeUser user, Model model) {
		if (!model.containsAttribute("answer")) {
			invitations.waitingFor(user.getPersonId())
				.ifPresent(waiting -> model.addAttribute("answer", invitations.answerForm(waiting.id(), user.getPersonId())));
		}
		model.addAttribute("invitations", invitations.of(user.getPersonId()));
		model.addAttribute("ownChampion", champions.championOf(user.getPersonId()).orElse(null));
		return MINE;
	}

	@PostMapping("/{id}/accept")
	@PreAuthorize("hasRole('STAFF') and @invitationGuard.isInvitee(#id, authentication)")
	String accept(@PathVariable long id,
			@Validated({ InvitationAnswerForm.Accepting.class, Default.class }) @ModelAttribute("answer") InvitationAnswerForm answer,
			BindingResult result, @AuthenticationPrincipal WaterholeUser user, Model model, RedirectAttributes redirect) {
		if (!invitations.isWaiting(id, user.getPersonId())) {
			return alreadyAnswered(redirect);
		}
		if (result.hasErrors()) {
			model.addAttribute("answering", "accept");
			return mine(user, model);
		}
		try {
			long champion = invitations.accept(id, user.getPersonId(), answer);
			FlashMessage.success(redirect, "invitation.accepted");
			return "redirect:/champions/" + champion;
		}
		catch (AlreadyAnsweredException ex) {
			return alreadyAnswered(redirect);
		}
		catch (DuplicateException ex) {
			// Recorded as a champion by the strategist at this very moment: the invitation stays.
			FlashMessage.warning(redirect, "invitation.alreadyChampion.self");
		}
		return "redirect:/champions/invitations/mine";
	}

	@PostMapping("/{id}/decline")
	@PreAuthorize("hasRole('STAFF') and @invitationGuard.isInvitee(#id, authentication)")
	String decline(@PathVariable long id, @Valid @ModelAttribute("answer") InvitationAnswerForm answer,
			BindingResult result, @AuthenticationPrincipal WaterholeUser user, Model model, RedirectAttributes redirect) {
		if (!invitations.isWaiting(id, user.getPersonId())) {
			return alreadyAnswered(redirect);
		}
		if (result.hasFieldErrors("reason")) {
			model.addAttribute("answering", "decline");
			return mine(user, model);
		}
		try {
			invitations.decline(id, user.getPersonId(), answer.getReason());
			FlashMessage.success(redirect, "invitation.declined");
		}
		catch (AlreadyAnsweredException ex) {
			return alreadyAnswered(redirect);
		}
		return "redirect:/champions/invitations/mine";
	}

	/** Answered already (in another tab, or withdrawn meanwhile): nothing changes, and the person is told. */
	private static String alreadyAnswered(RedirectAttributes redirect) {
		FlashMessage.warning(redirect, "invitation.alreadyAnswered");
		return "redirect:/champions/invitations/mine";
	}

}
