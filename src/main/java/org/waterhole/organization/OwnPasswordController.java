package org.waterhole.organization;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waterhole.shared.web.FlashMessage;
import org.waterhole.shared.web.VerbatimEditor;

/** Every signed-in user changes their own password here. */
@Controller
@RequestMapping("/account/password")
class OwnPasswordController {

	private static final String VIEW = "account/password";

	private final AccountService accounts;

	OwnPasswordController(AccountService accounts) {
		this.accounts = accounts;
	}

	@InitBinder
	void keepPasswordsAsTyped(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new VerbatimEditor());
	}

	@GetMapping
	String form(@ModelAttribute("passwordForm") PasswordForm form) {
		return VIEW;
	}

	@PostMapping
	@PreAuthorize("isAuthenticated()")
	String change(@AuthenticationPrincipal WaterholeUser user,
			@Validated @ModelAttribute("passwordForm") PasswordForm form, BindingResult result,
			RedirectAttributes redirect) {
		PasswordForms.requireConfirmation(form, result);
		if (result.hasErrors()) {
			return VIEW;
		}
		if (!accounts.changeOwnPassword(user.getAccountId(), form.getCurrentPassword(), form.getNewPassword())) {
			result.rejectValue("currentPassword", "password.currentWrong");
			return VIEW;
		}
		FlashMessage.success(redirect, "password.changed");
		return "redirect:/";
	}

}
