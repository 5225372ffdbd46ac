package org.waterhole.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Form binding for every controller: text fields and request parameters are cleaned of control
 * characters and trimmed, and a field left blank binds as {@code null} ({@link TextInput}). Password fields are exempt
 * (spaces are part of a password); their forms register {@link VerbatimEditor} for them.
 */
@ControllerAdvice
class WebAdvice {

	/** The path of the page, so the navigation can mark where the user is. */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

	@InitBinder
	void trimStrings(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new TextInput.Editor());
	}

}
