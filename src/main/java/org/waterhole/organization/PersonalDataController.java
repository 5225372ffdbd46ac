package org.waterhole.organization;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A copy of everything Waterhole holds about a person: everyone reads and downloads their own;
 * the strategist produces anyone's (when they ask for it by other means), which is logged as who
 * looked at named readers.
 */
@Controller
class PersonalDataController {

	private static final String VIEW = "account/data";

	private final PersonalDataCopy copies;

	PersonalDataController(PersonalDataCopy copies) {
		this.copies = copies;
	}

	@GetMapping("/account/data")
	@PreAuthorize("isAuthenticated()")
	String own(@AuthenticationPrincipal WaterholeUser user, Model model) {
		return page(copies.of(user.getPersonId()), false, model);
	}

	@GetMapping("/account/data.json")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<byte[]> ownFile(@AuthenticationPrincipal WaterholeUser user) {
		return file(copies.of(user.getPersonId()));
	}

	@GetMapping("/people/{id}/data")
	@PreAuthorize("hasRole('STRATEGIST')")
	String someone(@PathVariable long id, @AuthenticationPrincipal WaterholeUser user, Model model) {
		return page(copies.of(id, user.getPersonId()), true, model);
	}

	@GetMapping("/people/{id}/data.json")
	@PreAuthorize("hasRole('STRATEGIST')")
	ResponseEntity<byte[]> someoneFile(@PathVariable long id, @AuthenticationPrincipal WaterholeUser user) {
		return file(copies.of(id, user.getPersonId()));
	}

	private String page(PersonalDataCopy.Copy copy, boolean forStrategist, Model model) {
		model.addAttribute("copy", copy);
		model.addAttribute("kinds", copies.page(copy));
		model.addAttribute("madeAt", copies.madeAt(copy));
		model.addAttribute("forStrategist", forStrategist);
		return VIEW;
	}

	private ResponseEntity<byte[]> file(PersonalDataCopy.Copy copy) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(copies.fileName()).build().toString())
			.body(copies.json(copy));
	}

}
