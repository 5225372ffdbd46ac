package org.waterhole.organization;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waterhole.shared.security.SignInThrottle;
import org.waterhole.shared.web.FlashMessage;
import org.waterhole.shared.web.VerbatimEditor;

/**
 * Public pages: "forgot your password?" sends a link to set a new one; a link from an e-mail
 * (an invitation or a reset) opens the page that sets the password, then the sign-in page. The
 * answer to "forgot" is the same whether the email is an account's or not, and whether requests
 * for it are paused or not (SignInThrottle): the e-mail, if any, goes out after it. Public on
 * purpose ({@code permitAll()}): whoever has the link is who may set the password.
 */
@Controller
@RequestMapping("/password")
class PasswordLinkController {

	private static final String FORGOT = "password/forgot";

	private static final String SET = "password/set";

	private static final String UNUSABLE = "password/unusable";

	private final PasswordLinks links;

	private final PasswordResets resets;

	private final PasswordMail mail;

	private final SignInThrottle throttle;

	PasswordLinkController(PasswordLinks links, PasswordResets resets, PasswordMail mail, SignInThrottle throttle) {
		this.links = links;
		this.resets = resets;
		this.mail = mail;
		this.throttle = throttle;
	}

	@InitBinder("linkPasswordForm")
	void keepPasswordsAsTyped(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new VerbatimEditor());
	}

	@ModelAttribute
	void mailSending(Model model) {
		model.addAttribute("mailSending", mail.configured());
	}

	@GetMapping("/forgot")
	String forgotForm(@ModelAttribute ForgotPasswordForm forgotPasswordForm) {
		return FORGOT;
	}

	@PostMapping("/forgot")
	@PreAuthorize("permitAll()")
	String forgot(@Validated @ModelAttribute ForgotPasswordForm forgotPasswordForm, BindingResult result,
			HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return FORGOT;
		}
		if (!mail.configured()) {
			FlashMessage.warning(redirect, "password.forgot.mailOff");
			return "redirect:/password/forgot";
		}
		String email = forgotPasswordForm.getEmail();
		if (throttle.countPasswordLinkRequest(email, request.getRemoteAddr())) {
			resets.send(email, locale);
		}
		FlashMessage.success(redirect, "password.forgot.sent");
		return "redirect:/password/forgot";
	}

	/** The link from the e-mail; the token stays in this page's form only, which posts it back. */
	@GetMapping("/set")
	String setForm(@RequestParam(required = false) String token, Model model) {
		LinkPasswordForm form = new LinkPasswordForm();
		form.setToken(token);
		model.addAttribute("linkPasswordForm", form);
		return setView(token, model);
	}

	@PostMapping("/set")
	@PreAuthorize("permitAll()")
	String set(@Validated @ModelAttribute LinkPasswordForm linkPasswordForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		PasswordForms.requireConfirmation(linkPasswordForm, result);
		if (result.hasErrors()) {
			return setView(linkPasswordForm.getToken(), model);
		}
		Optional<String> email = links.setPassword(linkPasswordForm.getToken(), linkPasswordForm.getNewPassword());
		if (email.isEmpty()) {
			return UNUSABLE;
		}
		FlashMessage.success(redirect, "password.link.done");
		redirect.addFlashAttribute("signInEmail", email.get());
		return "redirect:/login";
	}

	private String setView(String token, Model model) {
		Optional<AccountHolder> holder = links.holder(token);
		if (holder.isEmpty()) {
			return UNUSABLE;
		}
		model.addAttribute("holder", holder.get());
		return SET;
	}

}
