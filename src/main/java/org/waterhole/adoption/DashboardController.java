package org.waterhole.adoption;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVPrinter;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
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
import org.waterhole.adoption.Dashboard.Part;
import org.waterhole.shared.SafeCsv;
import org.waterhole.shared.web.Fragments;

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

	private final Dashboard dashboard;

	private final MessageSource messages;

	private final Fragments fragments;

	private final Cache figures;

	private final Clock clock;

	DashboardController(Dashboard dashboard, MessageSource messages,
			Fragments fragments, CacheManager caches, Clock clock) {
		this.dashboard = dashboard;
		this.messages = messages;
		this.fragments = fragments;
		this.figures = caches.getCache(Dashboard.HTML_CACHE);
		this.clock = clock;
	}

	@GetMapping
	String dashboard(@ModelAttribute("filter") DashboardFilter filter, BindingResult unreadable, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		DashboardView view = dashboard.view(filter);
		model.addAttribute("view", view);
		model.addAttribute("unreadable", unreadable.hasErrors());
		model.addAttribute("stages", Stage.values());
		model.addAttribute("tables", Table.values());
		model.addAttribute("stalledDays", Dashboard.STALLED_DAYS);
		model.addAttribute("reachDays", Dashboard.REACH_DAYS);
		model.addAttribute("privacyFloor", Dashboard.PRIVACY_FLOOR);
		if (!unreadable.hasErrors()) {
			// The figures' HTML is kept as long as the view it shows (weak keys: by that very
			// instance): turning a hundred departments' rows into HTML was most of the page's cost.
			model.addAttribute("figuresHtml", figures.get(view,
					() -> fragments.render("adoption/dashboard :: figures", model.asMap(), request, response)));
		}
		return "adoption/dashboard";
	}

	/** One table of the dashboard, for the same filters, with the headings the page shows. */
	@GetMapping("/export.csv")
	void export(@ModelAttribute("filter") DashboardFilter filter, BindingResult unreadable,
			@RequestParam(defaultValue = "STAGES") Table table, HttpServletResponse response) throws IOException {
		DashboardView view = dashboard.view(filter, EnumSet.of(table.part));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("adoption-" + table.name().toLowerCase() + "-" + LocalDate.now(clock) + ".csv")
			.build()
			.toString());
		CSVPrinter csv = switch (table) {
			case STAGES -> stages(view, response);
			case MONTHS -> months(view, response);
			case EXPERIMENTS -> experiments(view, response);
			case COVERAGE -> coverage(view, response);
			case REACH -> reach(view, response);
			case STALLED -> stalled(view, response);
			case OBJECTIONS -> objections(view, response);
		};
		csv.flush();
	}

	private CSVPrinter stages(DashboardView view, HttpServletResponse response) throws IOException {
		CSVPrinter csv = printer(response, "adoption.stage", "dashboard.csv.departments");
		for (Stage stage : Stage.values()) {
			csv.printRecord(text(stage.messageKey()), view.stagesNow().get(stage));
		}
		return csv;
	}

	private CSVPrinter months(DashboardView view, HttpServletResponse response) throws IOException {
		List<String> header = new ArrayList<>(List.of("dashboard.monthEnd"));
		for (Stage stage : Stage.values()) {
			header.add(stage.messageKey());
		}
		header.add("dashboard.index");
		CSVPrinter csv = printer(response, header.toArray(String[]::new));
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

	private CSVPrinter experiments(DashboardView view, HttpServletResponse response) throws IOException {
		CSVPrinter csv = printer(response, "dashboard.csv.running", "dashboard.csv.completed",
				"dashboard.csv.succeeded", "dashboard.csv.successRate");
		Dashboard.ExperimentFigures figures = view.experiments();
		csv.printRecord(figures.running(), figures.completed(), figures.succeeded(), figures.successRate());
		return csv;
	}

	private CSVPrinter coverage(DashboardView view, HttpServletResponse response) throws IOException {
		CSVPrinter csv = printer(response, "dashboard.csv.department", "dashboard.csv.activeChampion");
		for (String name : view.departments()) {
			csv.printRecord(SafeCsv.text(name),
					text(view.coverage().uncovered().contains(name) ? "dashboard.csv.no" : "dashboard.csv.yes"));
		}
		return csv;
	}

	/** Below the privacy floor the figures stay empty and the last column says why. */
	private CSVPrinter reach(DashboardView view, HttpServletResponse response) throws IOException {
		CSVPrinter csv = printer(response, "dashboard.csv.department", "dashboard.csv.readers", "dashboard.csv.people",
				"dashboard.csv.reachPercent", "dashboard.csv.note");
		for (Dashboard.ReachRow row : view.reach()) {
			csv.printRecord(SafeCsv.text(row.departmentName()), row.readers(), row.people(), row.percent(),
					row.hidden() ? text("dashboard.tooFew") : null);
		}
		return csv;
	}

	private CSVPrinter stalled(DashboardView view, HttpServletResponse response) throws IOException {
		CSVPrinter csv = printer(response, "dashboard.csv.department", "adoption.stage",
				"dashboard.csv.lastStageChange");
		for (Dashboard.StalledRow row : view.stalled()) {
			csv.printRecord(SafeCsv.text(row.departmentName()), text(row.stage().messageKey()), row.since());
		}
		return csv;
	}

	/** One row per category, then all of them together. */
	private CSVPrinter objections(DashboardView view, HttpServletResponse response) throws IOException {
		CSVPrinter csv = printer(response, "dashboard.csv.category", "dashboard.objectionsRaised",
				"dashboard.objectionsAnswered", "dashboard.objectionsWithCaseStudy", "dashboard.objectionsWithChampion",
				"dashboard.objectionsWithExperiment", "dashboard.objectionsOpen", "dashboard.objectionsOpenFromEarlier");
		List<Dashboard.ObjectionRow> rows = new ArrayList<>(view.objectionsByCategory());
		rows.add(view.objectionsTotal());
		for (Dashboard.ObjectionRow row : rows) {
			csv.printRecord(text(row.category() == null ? "dashboard.objectionsTotal" : row.category().messageKey()),
					row.raised(), row.answered(), row.withCaseStudy(), row.withChampion(), row.withExperiment(),
					row.open(), row.openFromEarlier());
		}
		return csv;
	}

	private CSVPrinter printer(HttpServletResponse response, String... headerKeys) throws IOException {
		return SafeCsv.printer(response.getOutputStream(), Arrays.stream(headerKeys).map(this::text).toList());
	}

	private String text(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}
