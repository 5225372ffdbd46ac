package org.waterhole.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Form binding for every controller: text fields and request parameters are cleaned of control
 * characters and trimmed, and a field left blank binds as {@code null} ({@link TextInput}). Password fields are exempt
 * (spaces are part of a password); their forms register {@link VerbatimEditor} for them. A
 * form's hidden fields that don't bind are reported above the form ({@link HiddenFields}).
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
		// No form of ours has indexed or nested fields: "tags[300]" or "a.b" in a request is
		// somebody probing, and is ignored rather than allowed to grow lists or walk properties.
		binder.setDisallowedFields("*[*", "*.*");
		// Added whatever the target: a form object is often made after this, from the request.
		binder.addValidators(new HiddenFields());
	}

	/**
	 * What binding can still refuse (a value for a property that can't take it) is the request's
	 * fault: the 400 page, not a server error.
	 */
	@ExceptionHandler({ InvalidPropertyException.class, ConversionNotSupportedException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String unbindable() {
		return "error/4xx";
	}

}
