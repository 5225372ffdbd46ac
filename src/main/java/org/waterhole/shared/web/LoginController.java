package org.waterhole.shared.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.waterhole.shared.security.SignInOptions;
import org.waterhole.shared.security.SignInProblem;

/** The login page, and where an expired form lands. (The start page is the playbook's: it holds the strategist's agenda.) */
@Controller
class LoginController {

	private final SignInOptions options;

	LoginController(ObjectProvider<SignInOptions> options) {
		this.options = options.getIfAvailable(() -> SignInOptions.PASSWORDS_ONLY);
	}

	/**
	 * Where a form sent without a valid CSRF token lands (its page was open after the session
	 * ended): nothing was saved, and the user is told how to carry on.
	 */
	@RequestMapping("/expired")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String expiredForm() {
		return "error/expired";
	}

	/**
	 * The login page, with the single sign-on button and the password form as configured; a plain
	 * visit goes straight to the identity provider when so configured (a visit with a message to
	 * show, after signing out or a failed sign-in, stays here).
	 */
	@GetMapping("/login")
	String login(Principal user, @RequestParam(required = false) String problem, HttpServletRequest request,
			Model model) {
		if (user != null) {
			return "redirect:/";
		}
		if (options.straightToProvider() && request.getQueryString() == null) {
			return "redirect:" + options.singleSignOnPath();
		}
		model.addAttribute("signIn", options);
		if (problem != null) {
			model.addAttribute("problem", SignInProblem.fromParameter(problem).messageKey());
		}
		return "login";
	}

}
