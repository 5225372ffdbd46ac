package org.waterhole.organization;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
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
 * Someone whose identity provider or directory gave no department chooses theirs, once, right
 * after their first sign-in: their readings then count for it.
 */
@Controller
@RequestMapping(SignInSuccess.CHOOSE_DEPARTMENT)
class OwnDepartmentController {

	private static final String VIEW = "account/department";

	private final PersonService people;

	private final DepartmentService departments;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	OwnDepartmentController(PersonService people, DepartmentService departments) {
		this.people = people;
		this.departments = departments;
	}

	@GetMapping
	String form(@AuthenticationPrincipal WaterholeUser user, @ModelAttribute("form") DepartmentChoiceForm form,
			Model model) {
		if (!user.isChoosingDepartment()) {
			return "redirect:/";
		}
		model.addAttribute("departmentOptions", departments.options());
		return VIEW;
	}

	@PostMapping
	@PreAuthorize("isAuthenticated()")
	String choose(@AuthenticationPrincipal WaterholeUser user, @Valid @ModelAttribute("form") DepartmentChoiceForm form,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!user.isChoosingDepartment()) {
			return "redirect:/";
		}
		if (!result.hasErrors()) {
			try {
				if (people.placeInDepartment(user.getPersonId(), form.getDepartmentId())) {
					carryInSession(user.inDepartment(form.getDepartmentId()), request, response);
					FlashMessage.success(redirect, "departmentChoice.done");
				}
				else {
					// Placed in the meantime (by the strategist, in another tab): the session carries
					// the department they are in, not the one they posted.
					people.summary(user.getPersonId())
						.map(PersonSummary::departmentId)
						.ifPresent(placed -> carryInSession(user.inDepartment(placed), request, response));
				}
				return "redirect:/";
			}
			catch (PersonService.UnknownDepartmentException ex) {
				result.rejectValue("departmentId", "departmentChoice.unknown");
			}
		}
		model.addAttribute("departmentOptions", departments.options());
		return VIEW;
	}

	/** The session's user from now on: the same, in the department they chose. */
	private void carryInSession(WaterholeUser placed, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		Authentication updated = current instanceof OAuth2AuthenticationToken token
				? new OAuth2AuthenticationToken((WaterholeOidcUser) placed, token.getAuthorities(),
						token.getAuthorizedClientRegistrationId())
				: UsernamePasswordAuthenticationToken.authenticated(placed, null, current.getAuthorities());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(updated);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

}
