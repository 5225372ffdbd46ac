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
import org.waterhole.shared.DuplicateException;
import org.waterhole.shared.StaleEditException;
import org.waterhole.shared.web.EditConflicts;
import org.waterhole.shared.web.FlashMessage;
import org.waterhole.shared.web.SortOptions;

@Controller
@RequestMapping("/departments")
class DepartmentController {

	private static final SortOptions SORT = SortOptions.of(Sort.by("name"), Sort.by("id"), "name", "name",
			"headcount", "headcount", "people", "peopleCount");

	private static final String FORM = "departments/form";

	private final DepartmentService departments;

	private final PersonService people;

	private final EditConflicts conflicts;

	DepartmentController(DepartmentService departments, PersonService people, EditConflicts conflicts) {
		this.departments = departments;
		this.people = people;
		this.conflicts = conflicts;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, Pageable pageable, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("departments", departments.page(q, SORT.apply(pageable)));
		return "departments/list";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Pageable pageable, Model model) {
		model.addAttribute("department", departments.details(id));
		model.addAttribute("people", people.page(null, id, PersonController.SORT.apply(pageable)));
		return "departments/show";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new DepartmentForm());
		return FORM;
	}

	@PostMapping
	@PreAuthorize("hasRole('STRATEGIST')")
	String create(@Valid @ModelAttribute("form") DepartmentForm form, BindingResult result,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			long id = departments.create(form);
			FlashMessage.success(redirect, "departments.created", form.getName());
			return "redirect:/departments/" + id;
		}
		catch (DuplicateException ex) {
			result.rejectValue(ex.field(), "departments." + ex.field() + ".taken");
			return FORM;
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("form", departments.form(id));
		return FORM;
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") DepartmentForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("id", id);
		if (result.hasErrors()) {
			departments.details(id); // a department that doesn't exist is a 404, not a form
			return FORM;
		}
		try {
			departments.update(id, form);
			FlashMessage.success(redirect, "departments.updated", form.getName());
			return "redirect:/departments/" + id;
		}
		catch (DuplicateException ex) {
			result.rejectValue(ex.field(), "departments." + ex.field() + ".taken");
			return FORM;
		}
		catch (StaleEditException | OptimisticLockingFailureException ex) {
			conflicts.show(model, "department", form, departments.form(id));
			return FORM;
		}
	}

}
