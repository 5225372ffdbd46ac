package org.waterhole.organization;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.waterhole.shared.history.History;
import org.waterhole.shared.history.HistoryFields;
import org.waterhole.shared.history.HistoryView;

/**
 * The strategist reads the history of a department, a person or an account: who changed what,
 * and when. An account's password is never part of it.
 */
@Controller
class OrganizationHistoryController {

	private final DepartmentService departments;

	private final PersonService people;

	private final AccountService accounts;

	private final History history;

	private final HistoryFields departmentFields;

	private final HistoryFields personFields;

	private final HistoryFields accountFields;

	OrganizationHistoryController(DepartmentService departments, PersonService people, AccountService accounts,
			History history) {
		this.departments = departments;
		this.people = people;
		this.accounts = accounts;
		this.history = history;
		this.departmentFields = HistoryFields.of(Department.class)
			.plain("name", "department.name")
			.plain("code", "department.code")
			.longText("description", "department.description")
			.plain("headcount", "department.headcount")
			.plain("checkInDays", "department.checkInDays");
		this.personFields = HistoryFields.of(Person.class)
			.plain("name", "person.name")
			.plain("email", "person.email")
			.plain("jobTitle", "person.jobTitle")
			.reference("department", "person.department", ids -> DepartmentOption.namesById(departments.options()));
		this.accountFields = HistoryFields.of(Account.class)
			.reference("person", "account.person", people::namesOf)
			.choice("role", "account.role", "role.")
			.plain("enabled", "account.enabled");
	}

	@GetMapping("/departments/{id}/history")
	@PreAuthorize("hasRole('STRATEGIST')")
	String department(@PathVariable long id, @RequestParam(required = false) Long before, Model model) {
		model.addAttribute("history", HistoryView.of("departments.title", "/departments",
				departments.details(id).name(), "/departments/" + id, history.page(id, before, departmentFields)));
		return History.VIEW;
	}

	@GetMapping("/people/{id}/history")
	@PreAuthorize("hasRole('STRATEGIST')")
	String person(@PathVariable long id, @RequestParam(required = false) Long before, Model model) {
		model.addAttribute("history", new HistoryView("people.title", "/people", people.name(id),
				"/people/" + id + "/edit", "/people/" + id + "/history", history.page(id, before, personFields)));
		return History.VIEW;
	}

	@GetMapping("/accounts/{id}/history")
	@PreAuthorize("hasRole('STRATEGIST')")
	String account(@PathVariable long id, @RequestParam(required = false) Long before, Model model) {
		model.addAttribute("history", new HistoryView("accounts.title", "/accounts", accounts.holder(id).name(),
				"/accounts/" + id + "/edit", "/accounts/" + id + "/history", history.page(id, before, accountFields)));
		return History.VIEW;
	}

}
