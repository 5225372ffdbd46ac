package org.waterhole.adoption;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waterhole.organization.DepartmentService;
import org.waterhole.shared.SafeCsv;

/** The managers' dashboard and its tables as CSV (managers and strategists). */
@Controller
@RequestMapping("/adoption/dashboard")
class DashboardController {

	/** The tables the dashboard exports, by the name the export link gives. */
	enum Table {

		STAGES, MONTHS, EXPERIMENTS, COVERAGE, REACH, STALLED

	}

	private final Dashboard dashboard;

	private final DepartmentService departments;

	private final MessageSource messages;

	private final Clock clock;

	DashboardController(Dashboard dashboard, DepartmentService departments, MessageSource messages, Clock clock) {
		this.dashboard = dashboard;
		this.departments = departments;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String dashboard(@ModelAttribute("filter") DashboardFilter filter, BindingResult ignoredValues, Model model) {
		model.addAttribute("view", dashboard.view(filter));
		model.addAttribute("departmentOptions", departments.options());
		model.addAttribute("stages", Stage.values());
		model.addAttribute("tables", Table.values());
		model.addAttribute("stalledDays", Dashboard.STALLED_DAYS);
		model.addAttribute("reachDays", Dashboard.REACH_DAYS);
		model.addAttribute("privacyFloor", Dashboard.PRIVACY_FLOOR);
		return "adoption/dashboard";
	}

	@GetMapping("/export.csv")
	void export(@ModelAttribute("filter") DashboardFilter filter, BindingResult ignoredValues,
			@RequestParam(defaultValue = "STAGES") Table table, HttpServletResponse response) throws IOException {
		DashboardView view = dashboard.view(filter);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("adoption-" + table.name().toLowerCase() + "-" + LocalDate.now(clock) + ".csv")
			.build()
			.toString());
		switch (table) {
			case STAGES -> {
				CSVPrinter csv = SafeCsv.printer(response.getOutputStream(), List.of("stage", "departments"));
				for (Stage stage : Stage.values()) {
					csv.printRecord(label(stage.messageKey()), view.stagesNow().getOrDefault(stage, 0L));
				}
				csv.flush();
			}
			case MONTHS -> {
				List<String> header = new ArrayList<>(List.of("month end"));
				for (Stage stage : Stage.values()) {
					header.add(label(stage.messageKey()));
				}
				header.add("adoption index");
				CSVPrinter csv = SafeCsv.printer(response.getOutputStream(), header);
				for (Dashboard.MonthRow month : view.months()) {
					List<Object> row = new ArrayList<>(List.of(month.day()));
					for (Stage stage : Stage.values()) {
						row.add(month.counts().getOrDefault(stage, 0L));
					}
					row.add(month.index());
					csv.printRecord(row);
				}
				csv.flush();
			}
			case EXPERIMENTS -> {
				CSVPrinter csv = SafeCsv.printer(response.getOutputStream(),
						List.of("running", "completed", "succeeded", "success rate %"));
				Dashboard.ExperimentFigures figures = view.experiments();
				csv.printRecord(figures.running(), figures.completed(), figures.succeeded(), figures.successRate());
				csv.flush();
			}
			case COVERAGE -> {
				CSVPrinter csv = SafeCsv.printer(response.getOutputStream(), List.of("department", "active champion"));
				for (String name : view.departments()) {
					csv.printRecord(SafeCsv.text(name), view.coverage().uncovered().contains(name) ? "no" : "yes");
				}
				csv.flush();
			}
			case REACH -> {
				CSVPrinter csv = SafeCsv.printer(response.getOutputStream(),
						List.of("department", "readers", "people", "reach %"));
				for (Dashboard.ReachRow row : view.reach()) {
					if (row.hidden()) {
						csv.printRecord(SafeCsv.text(row.departmentName()), label("dashboard.tooFew"), null, null);
					}
					else {
						csv.printRecord(SafeCsv.text(row.departmentName()), row.readers(), row.people(), row.percent());
					}
				}
				csv.flush();
			}
			case STALLED -> {
				CSVPrinter csv = SafeCsv.printer(response.getOutputStream(), List.of("department", "stage", "since"));
				for (Dashboard.StalledRow row : view.stalled()) {
					csv.printRecord(SafeCsv.text(row.departmentName()), label(row.stage().messageKey()), row.since());
				}
				csv.flush();
			}
		}
	}

	private String label(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}
