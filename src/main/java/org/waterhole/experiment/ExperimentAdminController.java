package org.waterhole.experiment;

import jakarta.validation.Valid;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
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
import org.waterhole.experiment.Experiment.ChangeRefused;
import org.waterhole.experiment.Experiment.IllegalTransitionException;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.Platform;
import org.waterhole.shared.StaleEditException;
import org.waterhole.shared.web.EditConflicts;
import org.waterhole.shared.web.FlashMessage;

/**
 * The strategist runs experiments: plans them, moves them through their lifecycle, measures
 * them, links what inspired them and turns a result into a case study.
 */
@Controller
@RequestMapping("/experiments")
class ExperimentAdminController {

	private static final String FORM = "experiments/form";

	private final ExperimentService service;

	private final DepartmentService departments;

	private final ExperimentEvidence evidence;

	private final ExperimentPage page;

	private final EditConflicts conflicts;

	ExperimentAdminController(ExperimentService service, DepartmentService departments, ExperimentEvidence evidence,
			ExperimentPage page, EditConflicts conflicts) {
		this.service = service;
		this.departments = departments;
		this.evidence = evidence;
		this.page = page;
		this.conflicts = conflicts;
	}

	@GetMapping("/new")
	String newForm(@AuthenticationPrincipal WaterholeUser user, @RequestParam(required = false) Long department,
			@RequestParam(required = false) Long from, @RequestParam(required = false) Long caseStudy, Model model) {
		ExperimentForm form;
		if (from != null) {
			form = service.formFrom(from, department, user.getEmail());
			model.addAttribute("modelledOn", from);
		}
		else if (caseStudy != null) {
			form = service.formInspiredBy(caseStudy, department, user.getEmail());
		}
		else {
			form = new ExperimentForm();
			form.setOwnerEmail(user.getEmail());
			form.setDepartmentId(department != null ? department : user.getDepartmentId());
		}
		model.addAttribute("form", form);
		return formView(null, model);
	}

	/** Saves a new experiment as an idea, or straight as planned ({@code asPlanned}: its dates are needed). */
	@PostMapping
	@PreAuthorize("hasRole('STRATEGIST')")
	String create(@Valid @ModelAttribute("form") ExperimentForm form, BindingResult result,
			@RequestParam(required = false) String asPlanned, Model model, RedirectAttributes redirect) {
		boolean planned = asPlanned != null;
		if (planned) {
			requirePlannedDates(form, result);
		}
		if (result.hasErrors()) {
			return formView(null, model);
		}
		try {
			long id = service.create(form, planned);
			FlashMessage.success(redirect, planned ? "experiment.createdPlanned" : "experiment.created", form.getTitle());
			return "redirect:/experiments/" + id;
		}
		catch (ChangeRefused ex) {
			result.rejectValue(ex.field(), ex.code());
			return formView(null, model);
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		model.addAttribute("form", service.form(id));
		return formView(id, model);
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") ExperimentForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		// A version that isn't a number was not sent by our page: refused as a whole (HiddenFields).
		if (result.hasErrors()) {
			return formView(id, model);
		}
		try {
			service.update(id, form);
			FlashMessage.success(redirect, "experiment.updated", form.getTitle());
			return "redirect:/experiments/" + id;
		}
		catch (ChangeRefused ex) {
			result.rejectValue(ex.field(), ex.code());
		}
		catch (StaleEditException | OptimisticLockingFailureException ex) {
			conflicts.show(model, "experiment", form, service.form(id));
		}
		return formView(id, model);
	}

	@PostMapping("/{id}/plan")
	@PreAuthorize("hasRole('STRATEGIST')")
	String plan(@PathVariable long id, @Valid @ModelAttribute("transition") TransitionForm transition, BindingResult result,
			Model model, RedirectAttributes redirect) {
		return transition(id, transition, result, model, redirect, "experiment.nowPlanned",
				() -> service.plan(id, transition.getVersion(), transition.getPlannedStart(), transition.getPlannedEnd()));
	}

	@PostMapping("/{id}/start")
	@PreAuthorize("hasRole('STRATEGIST')")
	String start(@PathVariable long id, @Valid @ModelAttribute("transition") TransitionForm transition, BindingResult result,
			Model model, RedirectAttributes redirect) {
		return transition(id, transition, result, model, redirect, "experiment.nowRunning",
				() -> service.start(id, transition.getVersion(), transition.getStartOn()));
	}

	@PostMapping("/{id}/complete")
	@PreAuthorize("hasRole('STRATEGIST')")
	String complete(@PathVariable long id, @Valid @ModelAttribute("transition") TransitionForm transition,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return transition(id, transition, result, model, redirect, "experiment.nowCompleted",
				() -> service.complete(id, transition.getVersion(), transition.getOutcome(), transition.getLearnings(),
						transition.getEndOn()));
	}

	@PostMapping("/{id}/abandon")
	@PreAuthorize("hasRole('STRATEGIST')")
	String abandon(@PathVariable long id, @Valid @ModelAttribute("transition") TransitionForm transition,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return transition(id, transition, result, model, redirect, "experiment.nowAbandoned",
				() -> service.abandon(id, transition.getVersion(), transition.getReason(), transition.getAbandonOn()));
	}

	@PostMapping("/{id}/measurements")
	@PreAuthorize("hasRole('STRATEGIST')")
	String addMeasurement(@PathVariable long id, @Valid @ModelAttribute("measurementForm") MeasurementForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				service.addMeasurement(id, form);
				FlashMessage.success(redirect, "measurement.added");
				return "redirect:/experiments/" + id + "#measurements";
			}
			catch (ChangeRefused ex) {
				result.rejectValue(ex.field(), ex.code());
			}
		}
		return page.show(id, null, null, model);
	}

	@PostMapping("/{id}/measurements/{measurementId}")
	@PreAuthorize("hasRole('STRATEGIST')")
	String updateMeasurement(@PathVariable long id, @PathVariable long measurementId,
			@Valid @ModelAttribute("editForm") MeasurementForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				service.updateMeasurement(id, measurementId, form);
				FlashMessage.success(redirect, "measurement.updated");
				return "redirect:/experiments/" + id + "#measurements";
			}
			catch (ChangeRefused ex) {
				result.rejectValue(ex.field(), ex.code());
			}
			catch (StaleEditException | OptimisticLockingFailureException ex) {
				form.setVersion(service.measurementForm(id, measurementId).getVersion());
				result.reject("measurement.stale");
			}
		}
		else {
			service.measurementForm(id, measurementId); // a measurement deleted meanwhile is a 404, not a form
		}
		return page.show(id, measurementId, null, model);
	}

	@PostMapping("/{id}/measurements/{measurementId}/delete")
	@PreAuthorize("hasRole('STRATEGIST')")
	String deleteMeasurement(@PathVariable long id, @PathVariable long measurementId,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		try {
			service.deleteMeasurement(id, measurementId, version);
			FlashMessage.success(redirect, "measurement.deleted");
		}
		catch (ChangeRefused ex) {
			FlashMessage.warning(redirect, ex.code());
		}
		catch (StaleEditException | OptimisticLockingFailureException ex) {
			FlashMessage.warning(redirect, "measurement.staleDelete");
		}
		return "redirect:/experiments/" + id + "#measurements";
	}

	@PostMapping("/{id}/case-studies")
	@PreAuthorize("hasRole('STRATEGIST')")
	String link(@PathVariable long id, @RequestParam long caseStudy, RedirectAttributes redirect) {
		service.linkCaseStudy(id, caseStudy);
		FlashMessage.success(redirect, "experiment.linked");
		return "redirect:/experiments/" + id + "#inspired-by";
	}

	@PostMapping("/{id}/case-studies/{caseStudy}/delete")
	@PreAuthorize("hasRole('STRATEGIST')")
	String unlink(@PathVariable long id, @PathVariable long caseStudy, RedirectAttributes redirect) {
		FlashMessage.outcome(redirect, service.unlinkCaseStudy(id, caseStudy), "experiment.unlinked",
				"experiment.notLinked");
		return "redirect:/experiments/" + id + "#inspired-by";
	}

	/** Turns a completed experiment into a draft internal-result case study, and opens it for editing. */
	@PostMapping("/{id}/case-study")
	@PreAuthorize("hasRole('STRATEGIST')")
	String toCaseStudy(@PathVariable long id, @AuthenticationPrincipal WaterholeUser user,
			RedirectAttributes redirect) {
		try {
			long caseStudy = evidence.draftCaseStudy(id, user.getPersonId());
			FlashMessage.success(redirect, "experiment.caseStudyDrafted");
			return "redirect:/library/" + caseStudy + "/edit";
		}
		catch (IllegalTransitionException ex) {
			FlashMessage.warning(redirect, "experiment.caseStudy.notCompleted");
			return "redirect:/experiments/" + id;
		}
	}

	/**
	 * Moves the experiment on, or shows its page again with what was typed and why it didn't
	 * happen: a missing or wrong value, a step the lifecycle doesn't allow, or a page out of date.
	 */
	private String transition(long id, TransitionForm transition, BindingResult result, Model model,
			RedirectAttributes redirect, String success, Runnable change) {
		if (!result.hasErrors()) {
			try {
				change.run();
				FlashMessage.success(redirect, success);
				return "redirect:/experiments/" + id;
			}
			catch (ChangeRefused ex) {
				result.rejectValue(ex.field(), ex.code());
			}
			catch (IllegalTransitionException ex) {
				result.reject("experiment.transition.illegal", new Object[] {
						new DefaultMessageSourceResolvable(ex.from().messageKey()),
						new DefaultMessageSourceResolvable(ex.to().messageKey()) }, null);
			}
			catch (StaleEditException | OptimisticLockingFailureException ex) {
				result.reject("experiment.transition.stale");
			}
		}
		model.addAttribute("transitionFailed", true);
		return page.show(id, null, null, model);
	}

	/** Saving straight as planned takes both planned dates; each missing one is said at its field. */
	private static void requirePlannedDates(ExperimentForm form, BindingResult result) {
		if (form.getPlannedStart() == null && !result.hasFieldErrors("plannedStart")) {
			result.rejectValue("plannedStart", "experiment.plannedStart.required");
		}
		if (form.getPlannedEnd() == null && !result.hasFieldErrors("plannedEnd")) {
			result.rejectValue("plannedEnd", "experiment.plannedEnd.required");
		}
	}

	private String formView(Long id, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("platforms", Platform.values());
		model.addAttribute("directions", Direction.values());
		model.addAttribute("departmentOptions", departments.options());
		ExperimentStatus status = id == null ? null : service.status(id);
		model.addAttribute("status", status);
		model.addAttribute("closed", status != null && !status.isOpen());
		model.addAttribute("started", status != null && status != ExperimentStatus.IDEA && status != ExperimentStatus.PLANNED);
		return FORM;
	}

}
