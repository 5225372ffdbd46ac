package org.waterhole.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waterhole.adoption.AdoptionLog.RecordRefused;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.web.FlashMessage;

/**
 * The strategist records stage changes, milestones, objections and notes. There is no editing or
 * deleting: the timeline is a history, and a correction is a new event.
 */
@Controller
@RequestMapping("/adoption/events")
class RecordController {

	private static final String FORM = "adoption/record";

	private final AdoptionLog log;

	private final Timeline timeline;

	private final DepartmentService departments;

	private final Clock clock;

	RecordController(AdoptionLog log, Timeline timeline, DepartmentService departments, Clock clock) {
		this.log = log;
		this.timeline = timeline;
		this.departments = departments;
		this.clock = clock;
	}

	@GetMapping("/new")
	String form(@RequestParam(required = false) Long department, @RequestParam(required = false) EventKind kind,
			@RequestParam(required = false) Long answers, Model model) {
		RecordForm form = new RecordForm();
		form.setDepartmentId(department);
		form.setOccurredOn(LocalDate.now(clock));
		form.setAnswersId(answers);
		if (kind != null && kind.recordedByHand()) {
			form.setKind(kind);
		}
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
				result.rejectValue(ex.field(), ex.code());
			}
		}
		return formView(model);
	}

	private String formView(Model model) {
		model.addAttribute("departmentOptions", departments.options());
		model.addAttribute("kinds", EventKind.RECORDED.stream().sorted().toList());
		model.addAttribute("stages", Stage.values());
		model.addAttribute("categories", ObjectionCategory.values());
		Map<String, List<TimelineEntry>> open = new TreeMap<>();
		timeline.openObjections(null)
			.forEach(o -> open.computeIfAbsent(String.join(", ", o.departmentNames()), d -> new ArrayList<>()).add(o));
		model.addAttribute("openObjections", open);
		return FORM;
	}

}
