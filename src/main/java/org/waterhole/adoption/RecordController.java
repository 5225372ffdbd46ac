package org.waterhole.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waterhole.adoption.AdoptionLog.RecordRefused;
import org.waterhole.organization.DepartmentService;
import org.waterhole.shared.format.Formats;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.Texts;
import org.waterhole.shared.web.FlashMessage;

/**
 * The strategist records stage changes, milestones, objections and notes. There is no editing or
 * deleting: the timeline is a history, and a correction is a new event.
 */
@Controller
@RequestMapping("/adoption/events")
class RecordController {

	private static final String FORM = "adoption/record";

	/** The most open objections the form offers to answer, newest first. */
	private static final int OPEN_OBJECTIONS = 100;

	private final AdoptionLog log;

	private final Timeline timeline;

	private final DepartmentService departments;

	private final EvidenceChoices evidence;

	private final Formats fmt;

	private final Clock clock;

	RecordController(AdoptionLog log, Timeline timeline, DepartmentService departments, EvidenceChoices evidence,
			Formats fmt, Clock clock) {
		this.log = log;
		this.timeline = timeline;
		this.departments = departments;
		this.evidence = evidence;
		this.fmt = fmt;
		this.clock = clock;
	}

	/**
	 * The form, filled in from a link (the playbook's suggestions): the department, the kind, the
	 * objection answered and what answered it ({@code answeredWith=CASE_STUDY:12}), a title and
	 * details (cut to the fields' lengths). What answered it is checked at once: one that can't be
	 * chosen is shown with its message, as after sending.
	 */
	@GetMapping("/new")
	String form(@RequestParam(required = false) Long department, @RequestParam(required = false) EventKind kind,
			@RequestParam(required = false) Long answers, @RequestParam(required = false) String answeredWith,
			@RequestParam(required = false) String title, @RequestParam(required = false) String details,
			Model model) {
		RecordForm form = new RecordForm();
		form.setDepartmentId(department);
		form.setOccurredOn(LocalDate.now(clock));
		form.setAnswersId(answers);
		form.setTitle(Texts.cut(title == null ? null : title.strip(), RecordForm.TITLE_LENGTH));
		form.setDetails(Texts.cut(details == null ? null : details.strip(), RecordForm.DETAILS_LENGTH));
		if (kind != null && kind.recordedByHand()) {
			form.setKind(kind);
		}
		model.addAttribute("form", form);
		if (answeredWith != null) {
			BindingResult result = new BeanPropertyBindingResult(form, "form");
			try {
				form.setAnsweredWith(evidence.check(answeredWith).value());
			}
			catch (RecordRefused ex) {
				form.setAnsweredWith(Texts.cut(answeredWith.strip(), RecordForm.ANSWERED_WITH_LENGTH));
				result.rejectValue(ex.field(), ex.code());
			}
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
		}
		return formView(model);
	}

	/** The form for a department, from which the page takes the open objections it may answer. */
	@GetMapping("/objections")
	String objections(@RequestParam(required = false) Long departmentId, Model model) {
		RecordForm form = new RecordForm();
		form.setDepartmentId(departmentId);
		form.setOccurredOn(LocalDate.now(clock));
		model.addAttribute("form", form);
		return formView(model);
	}

	@PostMapping
	@PreAuthorize("hasRole('STRATEGIST')")
	String record(@Valid @ModelAttribute("form") RecordForm form, BindingResult result,
			@AuthenticationPrincipal WaterholeUser user, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				if (departments.options().stream().noneMatch(d -> d.getId().equals(form.getDepartmentId()))) {
					throw new RecordRefused("departmentId", "adoption.record.unknownDepartment");
				}
				log.record(form, user.getPersonId());
				FlashMessage.success(redirect, "adoption.recorded");
				return "redirect:/adoption/departments/" + form.getDepartmentId();
			}
			catch (RecordRefused ex) {
				Object[] arguments = Arrays.stream(ex.arguments())
					.map(argument -> argument instanceof LocalDate day ? fmt.date(day) : argument)
					.toArray();
				result.rejectValue(ex.field(), ex.code(), arguments, null);
			}
		}
		return formView(model);
	}

	private String formView(Model model) {
		Long department = ((RecordForm) model.getAttribute("form")).getDepartmentId();
		model.addAttribute("departmentOptions", departments.options());
		model.addAttribute("kinds", EventKind.RECORDED.stream().sorted().toList());
		model.addAttribute("stages", Stage.values());
		model.addAttribute("categories", ObjectionCategory.values());
		model.addAttribute("openObjections",
				department == null ? List.of() : timeline.openObjections(department, OPEN_OBJECTIONS));
		model.addAttribute("evidence",
				evidence.choices(department, ((RecordForm) model.getAttribute("form")).getAnsweredWith()));
		model.addAttribute("evidenceLimit", EvidenceChoices.LIMIT);
		return FORM;
	}

}
