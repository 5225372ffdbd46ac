package org.waterhole.organization;

import org.springframework.beans.factory.annotation.Value;
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
 * Every signed-in user says here whether they want the weekly digest e-mail (the playbook module
 * sends it to managers and strategists); the e-mail links here to unsubscribe. While the digest
 * is switched off ({@code waterhole.digest.enabled}), nobody can sign up for it: the page says so,
 * and only lets someone who is down for it say no.
 */
@Controller
@RequestMapping("/account/digest")
class OwnDigestController {

	private static final String VIEW = "account/digest";

	private final AccountService accounts;

	private final boolean sending;

	OwnDigestController(AccountService accounts, @Value("${waterhole.digest.enabled:false}") boolean sending) {
		this.accounts = accounts;
		this.sending = sending;
	}

	@ModelAttribute
	void page(@AuthenticationPrincipal WaterholeUser user, Model model) {
		model.addAttribute("digestSending", sending);
		model.addAttribute("digestForRole", user.getRole().includes(Role.MANAGER));
		model.addAttribute("subscribed", accounts.wantsWeeklyDigest(user.getAccountId()));
	}

	@GetMapping
	String form(Model model) {
		DigestSettingForm form = new DigestSettingForm();
		form.setWeeklyDigest((Boolean) model.getAttribute("subscribed"));
		model.addAttribute("digestSettingForm", form);
		return VIEW;
	}

	@PostMapping
	@PreAuthorize("isAuthenticated()")
	String change(@AuthenticationPrincipal WaterholeUser user, @ModelAttribute DigestSettingForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			// Switched on, the checkbox says what was wrong; switched off, there is none to say it.
			model.addAttribute("unreadable", true);
			return VIEW;
		}
		if (!sending && form.isWeeklyDigest()) {
			model.addAttribute("refused", true);
			return VIEW;
		}
		accounts.changeWeeklyDigest(user.getAccountId(), form.isWeeklyDigest());
		if (form.isWeeklyDigest()) {
			FlashMessage.success(redirect, "digest.setting.subscribed");
		}
		else {
			FlashMessage.success(redirect, "digest.setting.unsubscribed");
		}
		return "redirect:/account/digest";
	}

}
