package org.waterhole.organization;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waterhole.organization.AccountService.LastStrategistException;
import org.waterhole.shared.DuplicateException;
import org.waterhole.shared.NotFoundException;
import org.waterhole.shared.StaleEditException;
import org.waterhole.shared.web.EditConflicts;
import org.waterhole.shared.web.FlashMessage;
import org.waterhole.shared.web.SortOptions;
import org.waterhole.shared.web.VerbatimEditor;

/**
 * The strategist gives people accounts, sets their role, disables them, resets passwords; the
 * list says who was invited and who hasn't signed in yet (invitations: InvitationController).
 */
@Controller
@RequestMapping("/accounts")
class AccountController {

	private static final SortOptions SORT = SortOptions.of(Sort.by("name"), Sort.by("id"), "name", "name", "email",
			"email", "department", "departmentName", "role", "role", "lastLogin", "lastLoginAt");

	private static final String NEW = "accounts/new";

	/** How many matching people the new-account page offers at once. */
	private static final int PERSON_CHOICES = 20;

	private static final String EDIT = "accounts/edit";

	private final AccountService accounts;

	private final PersonService people;

	private final DepartmentService departments;

	private final EditConflicts conflicts;

	/** What the role field says of groups giving roles at sign-in; {@code null} when none do. */
	private final String roleNote;

	AccountController(AccountService accounts, PersonService people, DepartmentService departments,
			EditConflicts conflicts, SignInProperties signIn) {
		this.roleNote = signIn.groups().giveRoles()
				? (signIn.groups().authoritative() ? "accounts.roleFromGroupsOnly" : "accounts.roleFromGroups") : null;
		this.accounts = accounts;
		this.people = people;
		this.departments = departments;
		this.conflicts = conflicts;
	}

	@InitBinder
	void keepPasswordsAsTyped(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, "password", new VerbatimEditor());
		binder.registerCustomEditor(String.class, "newPassword", new VerbatimEditor());
		binder.registerCustomEditor(String.class, "confirmation", new VerbatimEditor());
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
			Pageable pageable, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("accounts", accounts.page(q, role, SORT.apply(pageable)));
		// For inviting a department's people.
		model.addAttribute("departmentOptions", departments.options());
		return "accounts/list";
	}

	/**
	 * A new account: first find the person (by name or email, among those without one), then
	 * choose the role and a first password.
	 */
	@GetMapping("/new")
	String newForm(@RequestParam(required = false) Long person, @RequestParam(required = false) String q,
			Model model) {
		AccountForm form = new AccountForm();
		form.setPersonId(person);
		model.addAttribute("form", form);
		model.addAttribute("q", q);
		return newView(model);
	}

	@PostMapping
	@PreAuthorize("hasRole('STRATEGIST')")
	String create(@Validated({ AccountForm.Create.class, jakarta.validation.groups.Default.class })
	@ModelAttribute("form") AccountForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return newView(model);
		}
		try {
			long id = accounts.create(form);
			FlashMessage.success(redirect, "accounts.created", accounts.holder(id).email());
			return "redirect:/accounts";
		}
		catch (DuplicateException ex) {
			result.rejectValue("personId", "accounts.person.taken");
		}
		catch (NotFoundException ex) {
			result.rejectValue("personId", "accounts.person.unknown");
		}
		return newView(model);
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		model.addAttribute("form", accounts.form(id));
		return editView(id, model, new PasswordForm());
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String update(@PathVariable long id, @Validated @ModelAttribute("form") AccountForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return editView(id, model, new PasswordForm());
		}
		try {
			accounts.update(id, form);
			FlashMessage.success(redirect, "accounts.updated", accounts.holder(id).email());
			return "redirect:/accounts";
		}
		catch (LastStrategistException ex) {
			result.reject("accounts.lastStrategist");
		}
		catch (StaleEditException | OptimisticLockingFailureException ex) {
			conflicts.show(model, "account", form, accounts.form(id));
		}
		return editView(id, model, new PasswordForm());
	}

	@PostMapping("/{id}/password")
	@PreAuthorize("hasRole('STRATEGIST')")
	String resetPassword(@PathVariable long id, @Validated @ModelAttribute("passwordForm") PasswordForm passwordForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		PasswordForms.requireConfirmation(passwordForm, result);
		if (result.hasErrors()) {
			model.addAttribute("form", accounts.form(id));
			return editView(id, model, passwordForm);
		}
		accounts.resetPassword(id, passwordForm.getNewPassword());
		FlashMessage.success(redirect, "accounts.passwordReset", accounts.holder(id).email());
		return "redirect:/accounts";
	}

	private String newView(Model model) {
		AccountForm form = (AccountForm) model.getAttribute("form");
		PersonOption chosen = form.getPersonId() == null ? null : people.option(form.getPersonId()).orElse(null);
		model.addAttribute("chosen", chosen);
		if (chosen == null) {
			model.addAttribute("candidates", people.withoutAccount((String) model.getAttribute("q"), PERSON_CHOICES));
		}
		return NEW;
	}

	private String editView(long id, Model model, PasswordForm passwordForm) {
		model.addAttribute("holder", accounts.holder(id));
		model.addAttribute("signedIn", accounts.hasSignedIn(id));
		model.addAttribute("roleNote", roleNote);
		model.addAttribute("passwordForm", passwordForm);
		return EDIT;
	}

}
