package org.waterhole.casestudy;

import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import org.waterhole.casestudy.CaseStudy.IllegalTransitionException;
import org.waterhole.casestudy.CaseStudyService.UnknownDepartmentException;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.Platform;
import org.waterhole.shared.StaleEditException;
import org.waterhole.shared.web.EditConflicts;
import org.waterhole.shared.web.FlashMessage;
import org.waterhole.shared.web.SortOptions;

/**
 * The strategist curates the library: writes, previews, publishes, archives and restores case
 * studies, sees which ones need a review and how far each one reached.
 */
@Controller
@RequestMapping("/library")
class CaseStudyAdminController {

	private static final String FORM = "library/form";

	private final CaseStudyService caseStudies;

	private final Library library;

	private final Readings readings;

	private final DepartmentService departments;

	private final EditConflicts conflicts;

	CaseStudyAdminController(CaseStudyService caseStudies, Library library, Readings readings,
			DepartmentService departments, EditConflicts conflicts) {
		this.caseStudies = caseStudies;
		this.library = library;
		this.readings = readings;
		this.departments = departments;
		this.conflicts = conflicts;
	}

	@GetMapping("/manage")
	String manage(@RequestParam(required = false) CaseStudyStatus status, @RequestParam(required = false) String q,
			Pageable pageable, Model model) {
		model.addAttribute("status", status);
		model.addAttribute("statuses", CaseStudyStatus.values());
		model.addAttribute("q", q);
		model.addAttribute("caseStudies", library.manage(status, q, SortOptions.bounded(pageable)));
		return "library/manage";
	}

	@GetMapping("/review")
	String review(Pageable pageable, Model model) {
		model.addAttribute("caseStudies", library.needingReview(SortOptions.bounded(pageable)));
		return "library/review";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new CaseStudyForm());
		return formView(null, model);
	}

	/** Shows the body as it will look, saving nothing (with or without JavaScript). */
	@PostMapping(path = { "", "/{id}" }, params = "preview")
	@PreAuthorize("hasRole('STRATEGIST')")
	String preview(@PathVariable(required = false) Long id, @ModelAttribute("form") CaseStudyForm form, Model model) {
		model.addAttribute("preview", caseStudies.preview(form.getBody()));
		return formView(id, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('STRATEGIST')")
	String create(@Valid @ModelAttribute("form") CaseStudyForm form, BindingResult result,
			@AuthenticationPrincipal WaterholeUser user, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return formView(null, model);
		}
		try {
			long id = caseStudies.create(form, user.getPersonId());
			FlashMessage.success(redirect, "caseStudy.created", form.getTitle());
			return "redirect:/library/" + id;
		}
		catch (UnknownDepartmentException ex) {
			result.rejectValue("departmentIds", "caseStudy.department.unknown");
			return formView(null, model);
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		model.addAttribute("form", caseStudies.form(id));
		return formView(id, model);
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") CaseStudyForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return formView(id, model);
		}
		try {
			caseStudies.update(id, form);
			FlashMessage.success(redirect, "caseStudy.updated", form.getTitle());
			return "redirect:/library/" + id;
		}
		catch (UnknownDepartmentException ex) {
			result.rejectValue("departmentIds", "caseStudy.department.unknown");
		}
		catch (StaleEditException | OptimisticLockingFailureException ex) {
			conflicts.show(model, "caseStudy", form, caseStudies.form(id));
		}
		return formView(id, model);
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize("hasRole('STRATEGIST')")
	String publish(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return transition(id, redirect, "caseStudy.published", () -> caseStudies.publish(id, version));
	}

	@PostMapping("/{id}/archive")
	@PreAuthorize("hasRole('STRATEGIST')")
	String archive(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return transition(id, redirect, "caseStudy.archived", () -> caseStudies.archive(id, version));
	}

	@PostMapping("/{id}/restore")
	@PreAuthorize("hasRole('STRATEGIST')")
	String restore(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return transition(id, redirect, "caseStudy.restored", () -> caseStudies.restore(id, version));
	}

	@GetMapping("/{id}/readers")
	String readers(@PathVariable long id, Model model) {
		CaseStudyView caseStudy = caseStudies.view(id, true);
		model.addAttribute("caseStudy", caseStudy);
		model.addAttribute("reach", readings.reach(id,
				caseStudy.departments().stream().map(d -> d.getId()).collect(java.util.stream.Collectors.toSet())));
		return "library/readers";
	}

	private String transition(long id, RedirectAttributes redirect, String success, Runnable change) {
		try {
			change.run();
			FlashMessage.success(redirect, success);
		}
		catch (StaleEditException | OptimisticLockingFailureException ex) {
			FlashMessage.warning(redirect, "caseStudy.transition.stale");
		}
		catch (IllegalTransitionException ex) {
			FlashMessage.warning(redirect, "caseStudy.transition.illegal");
		}
		return "redirect:/library/" + id;
	}

	private String formView(Long id, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("platforms", Platform.values());
		model.addAttribute("evidenceTypes", EvidenceType.values());
		model.addAttribute("departmentOptions", departments.options());
		if (id != null) {
			model.addAttribute("status", caseStudies.status(id));
		}
		return FORM;
	}

}
