package org.waterhole.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.waterhole.champion.ChampionStatus;
import org.waterhole.champion.Directory;
import org.waterhole.champion.DirectoryFilter;
import org.waterhole.experiment.ExperimentFilter;
import org.waterhole.experiment.Experiments;
import org.waterhole.organization.DepartmentDetails;
import org.waterhole.organization.DepartmentService;
import org.waterhole.shared.web.SortOptions;

/** The timeline and a department's adoption page, for everyone signed in. */
@Controller
@RequestMapping("/adoption")
class AdoptionController {

	static final int TIMELINE_PAGE = 30;

	private static final int DEPARTMENT_ROWS = 10;

	private static final int OPEN_OBJECTIONS = 50;

	private final Timeline timeline;

	private final DepartmentService departments;

	private final Directory champions;

	private final Experiments experiments;

	private final EducationReach reach;

	private final Clock clock;

	AdoptionController(Timeline timeline, DepartmentService departments, Directory champions,
			Experiments experiments, EducationReach reach, Clock clock) {
		this.timeline = timeline;
		this.departments = departments;
		this.champions = champions;
		this.experiments = experiments;
		this.reach = reach;
		this.clock = clock;
	}

	@GetMapping
	String timeline(@ModelAttribute("filter") TimelineFilter filter, BindingResult ignoredValues, Pageable pageable,
			Model model) {
		Pageable page = PageRequest.of(SortOptions.bounded(pageable).getPageNumber(), TIMELINE_PAGE);
		Page<TimelineEntry> entries = timeline.page(filter, page);
		model.addAttribute("entries", entries);
		model.addAttribute("months", byMonth(entries.getContent()));
		model.addAttribute("departmentOptions", departments.options());
		model.addAttribute("kinds", EventKind.values());
		return "adoption/timeline";
	}

	/** The entries grouped by month, in their order. */
	private static Map<LocalDate, List<TimelineEntry>> byMonth(List<TimelineEntry> entries) {
		Map<LocalDate, List<TimelineEntry>> months = new LinkedHashMap<>();
		entries.forEach(entry -> months.computeIfAbsent(entry.month(), m -> new ArrayList<>()).add(entry));
		return months;
	}

	@GetMapping("/departments/{id}")
	String department(@PathVariable long id, Model model) {
		DepartmentDetails department = departments.details(id);
		LocalDate today = LocalDate.now(clock);
		List<TimelineEntry> history = timeline.stageHistory(id);
		TimelineEntry latest = history.stream().filter(h -> !h.occurredOn().isAfter(today)).reduce((a, b) -> b).orElse(null);
		model.addAttribute("department", department);
		model.addAttribute("stage", latest == null ? Stage.UNAWARE : latest.toStage());
		model.addAttribute("since", latest == null ? null : latest.occurredOn());
		model.addAttribute("stages", Stage.values());
		model.addAttribute("history", history);
		model.addAttribute("objections", timeline.openObjections(id, OPEN_OBJECTIONS));

		DirectoryFilter championFilter = new DirectoryFilter();
		championFilter.setDepartment(id);
		championFilter.setStatus(ChampionStatus.ACTIVE.name());
		model.addAttribute("champions", champions.page(championFilter, id, PageRequest.of(0, DEPARTMENT_ROWS)));

		ExperimentFilter experimentFilter = new ExperimentFilter();
		experimentFilter.setDepartment(id);
		model.addAttribute("experiments", experiments.page(experimentFilter, PageRequest.of(0, DEPARTMENT_ROWS,
				org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Order.desc("e.updated_at")))));

		long people = department.peopleCount();
		model.addAttribute("readers", people < Dashboard.PRIVACY_FLOOR ? null
				: reach.readersByDepartment(today).getOrDefault(id, 0L));
		model.addAttribute("reachDays", Dashboard.REACH_DAYS);
		model.addAttribute("privacyFloor", Dashboard.PRIVACY_FLOOR);

		model.addAttribute("recent", byMonth(timeline.recent(id, DEPARTMENT_ROWS)));
		return "adoption/department";
	}

}
