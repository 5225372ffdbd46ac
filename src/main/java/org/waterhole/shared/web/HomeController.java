package org.waterhole.shared.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after signing in, and the login page. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}

	@GetMapping("/login")
	String login(Principal user) {
		return user == null ? "login" : "redirect:/";
	}

}
