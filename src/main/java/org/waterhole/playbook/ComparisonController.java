package org.waterhole.playbook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waterhole.adoption.Dashboard;
import org.waterhole.adoption.Stage;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.playbook.Comparison.Column;
import org.waterhole.playbook.Comparison.Departments;
import org.waterhole.playbook.Comparison.Row;
import org.waterhole.shared.SafeCsv;

/**
 * Every department side by side (managers and the strategist), sorted and filtered by the URL,
 * and the same as CSV; for the strategist, each with its first suggestion.
 */
@Controller
class ComparisonController {

	private final Comparison comparison;

	private final MessageSource messages;

	ComparisonController(Comparison comparison, MessageSource messages) {
		this.comparison = comparison;
		this.messages = messages;
	}

	@GetMapping("/playbook")
	String compare(@RequestParam(required = false) String stage, @RequestParam(required = false) String q,
			@RequestParam(required = false) String due, @RequestParam(required = false) String sort,
			@AuthenticationPrincipal WaterholeUser user, Model model) {
		ComparisonFilter filter = ComparisonFilter.parse(stage, q, due);
		ComparisonSort order = ComparisonSort.parse(sort);
		Departments departments = comparison.all(user.isStrategist());
		model.addAttribute("departments", departments);
		model.addAttribute("rows", departments.shown(filter, order));
		model.addAttribute("filter", filter);
		model.addAttribute("sort", order);
		model.addAttribute("columns", Column.values());
		model.addAttribute("stages", Stage.values());
		model.addAttribute("privacyFloor", Dashboard.PRIVACY_FLOOR);
		return "playbook/compare";
	}

	/** The rows the page shows for the same filters and order, with the medians last. */
	@GetMapping("/playbook/export.csv")
	void export(@RequestParam(required = false) String stage, @RequestParam(required = false) String q,
			@RequestParam(required = false) String due, @RequestParam(required = false) String sort,
			@AuthenticationPrincipal WaterholeUser user, HttpServletResponse response) throws IOException {
		ComparisonFilter filter = ComparisonFilter.parse(stage, q, due);
		boolean strategist = user.isStrategist();
		Departments departments = comparison.all(strategist);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("departments-compared-" + departments.today() + filter.fileNamePart() + ".csv")
			.build()
			.toString());
		CSVPrinter csv = SafeCsv.printer(response.getOutputStream(), List.of(SafeCsv.text(title(departments, filter))));
		List<String> header = new ArrayList<>(List.of(text("compare.csv.department"), text("compare.column.STAGE"),
				text("compare.csv.since"), text("compare.csv.days"), text("compare.column.READINESS"),
				text("compare.csv.reach"), text("compare.csv.reachOver"), text("compare.column.CHAMPIONS"),
				text("compare.column.RUNNING"), text("compare.column.SUCCEEDED"), text("compare.column.OBJECTIONS")));
		if (strategist) {
			header.add(text("compare.csv.suggestion"));
		}
		csv.printRecord(header);
		for (Row row : departments.shown(filter, ComparisonSort.parse(sort))) {
			csv.printRecord(cells(row, strategist));
		}
		Comparison.Medians m = departments.medians();
		csv.printRecord(SafeCsv.text(text("compare.median")), m.stage() == null ? null : text(m.stage().messageKey()),
				null, m.daysInStage(), m.readiness(), m.reach(), null, m.champions(), m.running(), m.succeeded(),
				m.objections());
		csv.flush();
	}

	private List<Object> cells(Row row, boolean strategist) {
		List<Object> cells = new ArrayList<>(List.of(SafeCsv.text(row.name()), text(row.stage().messageKey()),
				row.stageSince(), row.daysInStage()));
		cells.add(row.readiness() == null ? text("compare.csv.hidden") : row.readiness());
		cells.add(row.reachPercent() == null ? text("compare.csv.hidden") : row.reachPercent());
		cells.add(text(row.overHeadcount() ? "compare.csv.overHeadcount" : "compare.csv.overPeople"));
		cells.addAll(List.of(row.activeChampions(), row.running(), row.succeeded(), row.openObjections()));
		if (strategist) {
			cells.add(row.firstSuggestion() == null ? null : text(row.firstSuggestion().suggestion().titleKey()));
		}
		return cells;
	}

	/** What the file is: the day, and the filters when there are any. */
	private String title(Departments departments, ComparisonFilter filter) {
		StringBuilder title = new StringBuilder(
				messages.getMessage("compare.csv.title", new Object[] { departments.today().toString() },
						LocaleContextHolder.getLocale()));
		if (filter.stage() != null) {
			title.append(messages.getMessage("compare.csv.titleStage", new Object[] { text(filter.stage().messageKey()) },
					LocaleContextHolder.getLocale()));
		}
		if (filter.q() != null) {
			title.append(messages.getMessage("compare.csv.titleName", new Object[] { filter.q() },
					LocaleContextHolder.getLocale()));
		}
		if (filter.due()) {
			title.append(text("compare.csv.titleDue"));
		}
		return title.toString();
	}

	private String text(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}
