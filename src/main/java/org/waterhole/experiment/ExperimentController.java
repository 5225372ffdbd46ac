package org.waterhole.experiment;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.Platform;
import org.waterhole.shared.web.SortOptions;

/** The experiments as everyone signed in reads them: list, board, learnings, success rates, detail. */
@Controller
@RequestMapping("/experiments")
class ExperimentController {

	static final SortOptions SORT = SortOptions.of(Sort.by(Sort.Order.desc("e.updated_at")), Sort.by("e.id"), "ice",
			"e.ice_score", "start", "coalesce(e.actual_start, e.planned_start)", "updated", "e.updated_at", "title",
			"e.title");

	private final Experiments experiments;

	private final ExperimentCsv csv;

	private final ExperimentPage page;

	private final DepartmentService departments;

	ExperimentController(Experiments experiments, ExperimentCsv csv, ExperimentPage page,
			DepartmentService departments) {
		this.experiments = experiments;
		this.csv = csv;
		this.page = page;
		this.departments = departments;
	}

	@GetMapping
	String list(@ModelAttribute("filter") ExperimentFilter filter, BindingResult ignoredValues, Pageable pageable,
			@AuthenticationPrincipal WaterholeUser user, Model model) {
		model.addAttribute("experiments", experiments.page(filter, SORT.apply(pageable)));
		model.addAttribute("owners", experiments.ownerChoices(user.getPersonId(), filter.getOwner()));
		model.addAttribute("me", user.getPersonId());
		return filterChoices(model, "experiments/list");
	}

	@GetMapping("/board")
	String board(@ModelAttribute("filter") ExperimentFilter filter, BindingResult ignoredValues, Model model) {
		model.addAttribute("columns", experiments.board(filter.getDepartment(), filter.getPlatform()).values());
		return filterChoices(model, "experiments/board");
	}

	@GetMapping("/learnings")
	String learnings(Pageable pageable, Model model) {
		model.addAttribute("experiments", experiments.learnings(SortOptions.bounded(pageable)));
		return "experiments/learnings";
	}

	@GetMapping("/success")
	String success(@RequestParam(defaultValue = "all") String period, Model model) {
		boolean lastYear = period.equals("12m");
		model.addAttribute("period", lastYear ? "12m" : "all");
		model.addAttribute("rates", experiments.successRates(lastYear ? experiments.today().minusMonths(12) : null));
		return "experiments/success";
	}

	/** The filtered list as CSV (managers and strategists). */
	@GetMapping("/export.csv")
	void export(@ModelAttribute("filter") ExperimentFilter filter, BindingResult ignoredValues, Pageable pageable,
			HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("experiments-" + experiments.today() + ".csv")
			.build()
			.toString());
		csv.write(filter, SORT.apply(pageable).getSort(), response.getOutputStream());
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, @RequestParam(required = false) Long edit,
			@RequestParam(required = false) String find, @AuthenticationPrincipal WaterholeUser user, Model model) {
		// Editing a measurement in place and finding case studies to link are the strategist's.
		boolean strategist = user.getRole() == Role.STRATEGIST;
		return page.show(id, strategist ? edit : null, strategist ? find : null, model);
	}

	private String filterChoices(Model model, String view) {
		model.addAttribute("departmentOptions", departments.options());
		model.addAttribute("statuses", ExperimentStatus.values());
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("platforms", Platform.values());
		return view;
	}

}
