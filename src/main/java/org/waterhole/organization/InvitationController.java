package org.waterhole.organization;

import java.util.List;
import java.util.Locale;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waterhole.shared.web.FlashMessage;

/**
 * The strategist invites people by e-mail ({@link Invitations}): one person (from their page or
 * their account's), a department's people (from its page or the accounts page), or the people a
 * CSV import just created; and sends an invitation again. Each says on the next page what was
 * sent, who was left out, and what could not be sent and what to do about it.
 */
@Controller
class InvitationController {

	private final Invitations invitations;

	private final AccountService accounts;

	private final PersonService people;

	private final DepartmentService departments;

	InvitationController(Invitations invitations, AccountService accounts, PersonService people,
			DepartmentService departments) {
		this.invitations = invitations;
		this.accounts = accounts;
		this.people = people;
		this.departments = departments;
	}

	@PostMapping("/accounts/{id}/invitation")
	@PreAuthorize("hasRole('STRATEGIST')")
	String account(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		accounts.holder(id); // the 404 page when there is no such account
		show(invitations.inviteAccount(id, locale), redirect);
		return "redirect:/accounts";
	}

	@PostMapping("/people/{id}/invitation")
	@PreAuthorize("hasRole('STRATEGIST')")
	String person(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		people.name(id);
		show(invitations.invite(List.of(id), locale), redirect);
		return "redirect:/people/" + id + "/edit";
	}

	@PostMapping("/departments/{id}/invitations")
	@PreAuthorize("hasRole('STRATEGIST')")
	String department(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		departments.details(id);
		show(invitations.inviteDepartment(id, locale), redirect);
		return "redirect:/departments/" + id;
	}

	/** A department's people (from the accounts page), or the people a CSV import created (from its report). */
	@PostMapping("/accounts/invitations")
	@PreAuthorize("hasRole('STRATEGIST')")
	String many(@RequestParam(required = false) Long department, @RequestParam(required = false) List<Long> people,
			Locale locale, RedirectAttributes redirect) {
		if (department != null) {
			departments.details(department);
			show(invitations.inviteDepartment(department, locale), redirect);
		}
		else if (people != null && !people.isEmpty()) {
			show(invitations.invite(people, locale), redirect);
		}
		else {
			FlashMessage.warning(redirect, "invitations.nobody");
		}
		return "redirect:/accounts";
	}

	private static void show(Invitations.Outcome outcome, RedirectAttributes redirect) {
		if (outcome.mailOff()) {
			FlashMessage.warning(redirect, "invitations.mailOff");
			return;
		}
		DefaultMessageSourceResolvable leftOut = new DefaultMessageSourceResolvable(
				new String[] { "invitations.leftOut" }, new Object[] { outcome.signedIn(), outcome.disabled() });
		if (outcome.failed() > 0) {
			FlashMessage.warning(redirect, "invitations.notSent", outcome.failed(), outcome.sent(), leftOut);
		}
		else if (outcome.email() != null && outcome.sent() == 1) {
			FlashMessage.success(redirect, "invitations.sentTo", outcome.email());
		}
		else if (outcome.email() != null && outcome.signedIn() == 1) {
			FlashMessage.warning(redirect, "invitations.signedIn", outcome.email());
		}
		else if (outcome.email() != null && outcome.disabled() == 1) {
			FlashMessage.warning(redirect, "invitations.disabled", outcome.email());
		}
		else if (outcome.sent() > 0) {
			FlashMessage.success(redirect, "invitations.sent", outcome.sent(), leftOut);
		}
		else {
			FlashMessage.warning(redirect, "invitations.noneSent", leftOut);
		}
	}

}
