package org.waterhole.experiment;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.waterhole.casestudy.Library;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.PersonService;
import org.waterhole.shared.history.History;
import org.waterhole.shared.history.HistoryFields;
import org.waterhole.shared.history.HistoryView;

/**
 * The strategist reads an experiment's history: who changed what, and when, its measurements
 * (added, edited, deleted) included.
 */
@Controller
class ExperimentHistoryController {

	private final ExperimentService experiments;

	private final History history;

	private final HistoryFields fields;

	private final HistoryFields measurements;

	ExperimentHistoryController(ExperimentService experiments, DepartmentService departments, PersonService people,
			Library library, History history) {
		this.experiments = experiments;
		this.history = history;
		HistoryFields.Names titles = library::titles;
		this.fields = HistoryFields.of(Experiment.class)
			.plain("title", "experiment.title")
			.longText("hypothesis", "experiment.hypothesis")
			.reference("departmentId", "experiment.department", ids -> DepartmentOption.namesById(departments.options()))
			.choice("platform", "experiment.platform", "platform.")
			.reference("ownerId", "experiment.owner", people::namesOf)
			.choice("status", "experiment.status", "experiment.status.")
			.plain("impact", "experiment.impact")
			.plain("confidence", "experiment.confidence")
			.plain("ease", "experiment.ease")
			.plain("plannedStart", "experiment.plannedStart")
			.plain("plannedEnd", "experiment.plannedEnd")
			.plain("actualStart", "experiment.actualStart")
			.plain("actualEnd", "experiment.actualEnd")
			.plain("metricName", "experiment.metricName")
			.plain("metricUnit", "experiment.metricUnit")
			.plain("baseline", "experiment.baseline")
			.plain("target", "experiment.target")
			.choice("direction", "experiment.direction", "experiment.direction.")
			.choice("outcome", "experiment.outcome", "experiment.outcome.")
			.longText("learnings", "experiment.learnings")
			.longText("abandonReason", "experiment.abandonedBecause")
			.reference("caseStudyIds", "experiment.inspiredBy", titles)
			.reference("resultCaseStudyId", "history.resultCaseStudy", titles);
		this.measurements = HistoryFields.of(Measurement.class)
			.belongingTo("experiment", "history.measurement", "measuredOn")
			.plain("measuredOn", "measurement.measuredOn")
			.plain("value", "measurement.value")
			.plain("note", "measurement.note");
	}

	@GetMapping("/experiments/{id}/history")
	@PreAuthorize("hasRole('STRATEGIST')")
	String history(@PathVariable long id, @RequestParam(required = false) Long before, Model model) {
		model.addAttribute("history", HistoryView.of("experiments.title", "/experiments", experiments.title(id),
				"/experiments/" + id, history.page(id, before, fields, measurements)));
		return History.VIEW;
	}

}
