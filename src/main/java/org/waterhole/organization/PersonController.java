package org.waterhole.organization;

import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waterhole.organization.PersonService.UnknownDepartmentException;
import org.waterhole.shared.DuplicateException;
import org.waterhole.shared.StaleEditException;
import org.waterhole.shared.web.EditConflicts;
import org.waterhole.shared.web.FlashMessage;
import org.waterhole.shared.web.SortOptions;

@Controller
@RequestMapping("/people")
class PersonController {

	static final SortOptions SORT = SortOptions.of(Sort.by("name"), Sort.by("id"), "name", "name", "email", "email",
			"jobTitle", "jobTitle", "department", "departmentName", "role", "role");

	private static final String FORM = "people/form";

	private final PersonService people;

	private final DepartmentService departments;

	private final AccountService accounts;

	private final EditConflicts conflicts;

	PersonController(PersonService people, DepartmentService departments, AccountService accounts, EditConflicts conflicts) {
		this.people = people;
		this.departments = departments;
		this.accounts = accounts;
		this.conflicts = conflicts;
	}

	@ModelAttribute
	void departmentChoices(Model model) {
		model.addAttribute("departmentOptions", departments.options());
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long department,
			Pageable pageable, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("department", department);
		model.addAttribute("people", people.page(q, department, SORT.apply(pageable)));
		return "people/list";
	}

	@GetMapping("/new")
	String newForm(@RequestParam(required = false) Long department, Model model) {
		PersonForm form = new PersonForm();
		form.setDepartmentId(department);
		model.addAttribute("form", form);
		return FORM;
	}

	@PostMapping
	@PreAuthorize("hasRole('STRATEGIST')")
	String create(@Valid @ModelAttribute("form") PersonForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			people.create(form);
			FlashMessage.success(redirect, "people.created", form.getName());
			return "redirect:/people";
		}
		catch (DuplicateException ex) {
			result.rejectValue("email", "people.email.taken");
		}
		catch (UnknownDepartmentException ex) {
			result.rejectValue("departmentId", "people.department.unknown");
		}
		return FORM;
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		model.addAttribute("form", people.form(id));
		return editView(id, model);
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") PersonForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return editView(id, model);
		}
		try {
			people.update(id, form);
			FlashMessage.success(redirect, "people.updated", form.getName());
			return "redirect:/people";
		}
		catch (DuplicateException ex) {
			result.rejectValue("email", "people.email.taken");
		}
		catch (UnknownDepartmentException ex) {
			result.rejectValue("departmentId", "people.department.unknown");
		}
		catch (StaleEditException | OptimisticLockingFailureException ex) {
			conflicts.show(model, "person", form, people.form(id));
		}
		return editView(id, model);
	}

	private String editView(long id, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("personName", people.name(id));
		Long accountId = accounts.accountOf(id).orElse(null);
		model.addAttribute("accountId", accountId);
		model.addAttribute("accountSignedIn", accountId != null && accounts.hasSignedIn(accountId));
		return FORM;
	}

}
