package org.waterhole.adoption;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waterhole.adoption.Dashboard.Part;
import org.waterhole.shared.SafeCsv;
import org.waterhole.shared.Slugs;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.format.Formats;

/** The managers' dashboard and its tables as CSV (managers and strategists). */
@Controller
@RequestMapping("/adoption/dashboard")
class DashboardController {

	/** The tables the dashboard exports, by the name the export link gives, with the part each needs. */
	enum Table {

		STAGES(Part.STAGES), MONTHS(Part.STAGES), EXPERIMENTS(Part.EXPERIMENTS), COVERAGE(Part.COVERAGE),
		REACH(Part.REACH), STALLED(Part.STALLED), OBJECTIONS(Part.OBJECTIONS);

		private final Part part;

		Table(Part part) {
			this.part = part;
		}

	}

	/** Above this many departments, an export's name and first row count them rather than name them. */
	static final int NAMED_DEPARTMENTS = 3;

	private final Dashboard dashboard;

	private final DepartmentService departments;

	private final MessageSource messages;

	private final Formats formats;

	DashboardController(Dashboard dashboard, DepartmentService departments, MessageSource messages,
			Formats formats) {
		this.dashboard = dashboard;
		this.departments = departments;
		this.messages = messages;
		this.formats = formats;
	}

	@GetMapping
	String dashboard(@AuthenticationPrincipal WaterholeUser user,
			@ModelAttribute("filter") DashboardFilter filter, BindingResult unreadable, Model model) {
		filter.openOn(ownDepartment(user));
		model.addAttribute("view", dashboard.view(filter));
		model.addAttribute("unreadable", unreadable.hasErrors());
		model.addAttribute("departmentOptions", departments.options());
		model.addAttribute("chosenChoices", chosen(filter));
		model.addAttribute("organisationScope", DashboardFilter.ORGANISATION);
		model.addAttribute("stages", Stage.values());
		model.addAttribute("tables", Table.values());
		model.addAttribute("stalledDays", Dashboard.STALLED_DAYS);
		model.addAttribute("reachDays", Dashboard.REACH_DAYS);
		model.addAttribute("privacyFloor", Dashboard.PRIVACY_FLOOR);
		return "adoption/dashboard";
	}

	/** Where a viewer's dashboard opens: a manager's own department; the strategist's, the organisation. */
	static Long ownDepartment(WaterholeUser user) {
		return user.isStrategist() ? null : user.getDepartmentId();
	}

	/** The chosen departments, in the department list's order, each with the others chosen (for its chip). */
	private List<FilterDepartment> chosen(DashboardFilter filter) {
		List<Long> chosen = filter.departments();
		return departments.options()
			.stream()
			.filter(option -> chosen.contains(option.getId()))
			.map(option -> new FilterDepartment(option.getId(), option.getName(),
					chosen.stream().filter(id -> !id.equals(option.getId())).toList()))
			.toList();
	}

	/**
	 * One table of the dashboard, for the same filters, with the headings the page shows; its name
	 * and first row say which departments and period it is about.
	 */
	@GetMapping("/export.csv")
	void export(@AuthenticationPrincipal WaterholeUser user, @ModelAttribute("filter") DashboardFilter filter,
			BindingResult unreadable, @RequestParam(defaultValue = "STAGES") Table table,
			HttpServletResponse response) throws IOException {
		filter.openOn(ownDepartment(user));
		DashboardView view = dashboard.view(filter, EnumSet.of(table.part));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName(table, view)).build().toString());
		String title = text("dashboard.csv.heading", text("dashboard.csv.title." + table.name()), scope(view),
				formats.date(view.start()), formats.date(view.end()));
		CSVPrinter csv = switch (table) {
			case STAGES -> stages(view, response, title);
			case MONTHS -> months(view, response, title);
			case EXPERIMENTS -> experiments(view, response, title);
			case COVERAGE -> coverage(view, response, title);
			case REACH -> reach(view, response, title);
			case STALLED -> stalled(view, response, title);
			case OBJECTIONS -> objections(view, response, title);
		};
		csv.flush();
	}

	/** {@code adoption-reach-admissions-2025-12-08-to-2026-12-07.csv}: the table, its departments, its period. */
	static String fileName(Table table, DashboardView view) {
		String departments = view.wholeOrganisation() ? DashboardFilter.ORGANISATION
				: view.asked().size() == 1 ? Slugs.of(view.asked().get(0), "department") : view.asked().size() + "-departments";
		return "adoption-" + table.name().toLowerCase(Locale.ROOT) + "-" + departments + "-" + view.start() + "-to-"
				+ view.end() + ".csv";
	}

	/** The departments of a view in words: the whole organisation, their names, or how many. */
	private String scope(DashboardView view) {
		if (view.wholeOrganisation()) {
			return text("dashboard.wholeOrganisation");
		}
		return view.asked().size() > NAMED_DEPARTMENTS ? text("dashboard.csv.manyDepartments", view.asked().size())
				: String.join(", ", view.asked());
	}

	private CSVPrinter stages(DashboardView view, HttpServletResponse response, String title) throws IOException {
		CSVPrinter csv = printer(response, title, "adoption.stage", "dashboard.csv.departments");
		for (Stage stage : Stage.values()) {
			csv.printRecord(cell(stage.messageKey()), view.stagesNow().get(stage));
		}
		return csv;
	}

	private CSVPrinter months(DashboardView view, HttpServletResponse response, String title) throws IOException {
		List<String> header = new ArrayList<>(List.of("dashboard.monthEnd"));
		for (Stage stage : Stage.values()) {
			header.add(stage.messageKey());
		}
		header.add("dashboard.index");
		CSVPrinter csv = printer(response, title, header.toArray(String[]::new));
		for (Dashboard.MonthRow month : view.months()) {
			List<Object> row = new ArrayList<>(List.of(month.day()));
			for (Stage stage : Stage.values()) {
				row.add(month.counts().get(stage));
			}
			row.add(month.index());
			csv.printRecord(row);
		}
		return csv;
	}

	private CSVPrinter experiments(DashboardView view, HttpServletResponse response, String title) throws IOException {
		CSVPrinter csv = printer(response, title, "dashboard.csv.running", "dashboard.csv.completed",
				"dashboard.csv.succeeded", "dashboard.csv.successRate");
		Dashboard.ExperimentFigures figures = view.experiments();
		csv.printRecord(figures.running(), figures.completed(), figures.succeeded(), figures.successRate());
		return csv;
	}

	private CSVPrinter coverage(DashboardView view, HttpServletResponse response, String title) throws IOException {
		CSVPrinter csv = printer(response, title, "dashboard.csv.department", "dashboard.csv.activeChampion");
		for (String name : view.departments()) {
			csv.printRecord(SafeCsv.text(name),
					cell(view.coverage().uncovered().contains(name) ? "dashboard.csv.no" : "dashboard.csv.yes"));
		}
		return csv;
	}

	/** Below the privacy floor the figures stay empty and the last column says why. */
	private CSVPrinter reach(DashboardView view, HttpServletResponse response, String title) throws IOException {
		CSVPrinter csv = printer(response, title, "dashboard.csv.department", "dashboard.csv.readers", "dashboard.csv.people",
				"dashboard.csv.reachPercent", "dashboard.csv.note");
		for (Dashboard.ReachRow row : view.reach()) {
			csv.printRecord(SafeCsv.text(row.departmentName()), row.readers(), row.people(), row.percent(),
					row.hidden() ? cell("dashboard.tooFew") : null);
		}
		return csv;
	}

	private CSVPrinter stalled(DashboardView view, HttpServletResponse response, String title) throws IOException {
		CSVPrinter csv = printer(response, title, "dashboard.csv.department", "adoption.stage",
				"dashboard.csv.lastStageChange");
		for (Dashboard.StalledRow row : view.stalled()) {
			csv.printRecord(SafeCsv.text(row.departmentName()), cell(row.stage().messageKey()), row.since());
		}
		return csv;
	}

	/** One row per category, then all of them together. */
	private CSVPrinter objections(DashboardView view, HttpServletResponse response, String title) throws IOException {
		CSVPrinter csv = printer(response, title, "dashboard.csv.category", "dashboard.objectionsRaised",
				"dashboard.objectionsAnswered", "dashboard.objectionsWithCaseStudy", "dashboard.objectionsWithChampion",
				"dashboard.objectionsWithExperiment", "dashboard.objectionsOpen", "dashboard.objectionsOpenFromEarlier");
		List<Dashboard.ObjectionRow> rows = new ArrayList<>(view.objectionsByCategory());
		rows.add(view.objectionsTotal());
		for (Dashboard.ObjectionRow row : rows) {
			csv.printRecord(cell(row.category() == null ? "dashboard.objectionsTotal" : row.category().messageKey()),
					row.raised(), row.answered(), row.withCaseStudy(), row.withChampion(), row.withExperiment(),
					row.open(), row.openFromEarlier());
		}
		return csv;
	}

	/** A printer that has written the title row and the header row. */
	private CSVPrinter printer(HttpServletResponse response, String title, String... headerKeys) throws IOException {
		return SafeCsv.printer(response.getOutputStream(), title,
				Arrays.stream(headerKeys).map(this::text).toList());
	}

	/** A message as a cell: made plain like any other text. */
	private String cell(String key) {
		return SafeCsv.text(text(key));
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
