package org.waterhole.adoption;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.waterhole.organization.WaterholeUser;

/**
 * A one-page report to send upward, for some departments (none: the whole organisation) and a
 * period, with the organisation's figures beside theirs; printable on A4 (managers and the
 * strategist). Its address names everything it shows: no department means the organisation, for
 * everyone.
 */
@Controller
@RequestMapping("/adoption/report")
class ReportController {

	private final Dashboard dashboard;

	private final Clock clock;

	ReportController(Dashboard dashboard, Clock clock) {
		this.dashboard = dashboard;
		this.clock = clock;
	}

	@GetMapping
	String report(@ModelAttribute("filter") DashboardFilter filter, BindingResult unreadable,
			@AuthenticationPrincipal WaterholeUser user, Model model) {
		filter.openOn(DashboardController.ownDepartment(user));
		model.addAttribute("view", dashboard.report(filter));
		model.addAttribute("unreadable", unreadable.hasErrors());
		model.addAttribute("produced", LocalDate.now(clock));
		model.addAttribute("stages", Stage.values());
		model.addAttribute("stalledDays", Dashboard.STALLED_DAYS);
		model.addAttribute("reachDays", Dashboard.REACH_DAYS);
		model.addAttribute("privacyFloor", Dashboard.PRIVACY_FLOOR);
		return "adoption/report";
	}

}
