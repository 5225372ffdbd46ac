package org.waterhole.shared.web;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The login page, and where an expired form lands. (The start page is the playbook's: it holds the strategist's agenda.) */
@Controller
class LoginController {

	/**
	 * Where a form sent without a valid CSRF token lands (its page was open after the session
	 * ended): nothing was saved, and the user is told how to carry on.
	 */
	@RequestMapping("/expired")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String expiredForm() {
		return "error/expired";
	}

	@GetMapping("/login")
	String login(Principal user) {
		return user == null ? "login" : "redirect:/";
	}

}
