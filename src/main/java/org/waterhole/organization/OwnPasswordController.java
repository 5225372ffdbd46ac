package org.waterhole.organization;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waterhole.shared.security.SignInThrottle;
import org.waterhole.shared.security.SignedInSessions;
import org.waterhole.shared.web.FlashMessage;
import org.waterhole.shared.web.VerbatimEditor;

/**
 * Every signed-in user changes their own password here. The current password is checked under
 * the sign-in's limits ({@link SignInThrottle}): a wrong one counts as a failed sign-in with the
 * user's email and from their address, and while either is paused it isn't checked at all.
 */
@Controller
@RequestMapping("/account/password")
class OwnPasswordController {

	private static final String VIEW = "account/password";

	private final AccountService accounts;

	private final SignedInSessions sessions;

	private final SignInThrottle throttle;

	OwnPasswordController(AccountService accounts, SignedInSessions sessions, SignInThrottle throttle) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.throttle = throttle;
	}

	@InitBinder
	void keepPasswordsAsTyped(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new VerbatimEditor());
	}

	/** The form; for someone with no Waterhole password (they sign in with the institution's identity), a word on why not. */
	@GetMapping
	String form(@AuthenticationPrincipal WaterholeUser user, @ModelAttribute("passwordForm") PasswordForm form,
			Model model) {
		model.addAttribute("ownPassword", accounts.hasOwnPassword(user.getAccountId()));
		return VIEW;
	}

	@PostMapping
	@PreAuthorize("isAuthenticated()")
	String change(@AuthenticationPrincipal WaterholeUser user,
			@Validated @ModelAttribute("passwordForm") PasswordForm form, BindingResult result,
			HttpServletRequest request, HttpSession session, Model model, RedirectAttributes redirect) {
		String address = request.getRemoteAddr();
		model.addAttribute("ownPassword", true);
		if (throttle.isPaused(user.getEmail(), address)) {
			result.reject("password.paused");
			return VIEW;
		}
		PasswordForms.requireConfirmation(form, result);
		if (result.hasErrors()) {
			return VIEW;
		}
		if (!accounts.changeOwnPassword(user.getAccountId(), form.getCurrentPassword(), form.getNewPassword())) {
			throttle.failed(user.getEmail(), address);
			result.rejectValue("currentPassword", "password.currentWrong");
			return VIEW;
		}
		throttle.succeeded(user.getEmail());
		// Sessions elsewhere (another browser, a lost phone) end; this one goes on.
		sessions.endExcept(user.getEmail(), session.getId());
		FlashMessage.success(redirect, "password.changed");
		return "redirect:/";
	}

}
