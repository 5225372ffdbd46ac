package org.waterhole.experiment;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.waterhole.casestudy.Library;
import org.waterhole.casestudy.SearchForm;

/**
 * The experiment's page: its details, measurements with their chart and the forms on it. The
 * forms that post to it show the page again, with their errors, when something was refused.
 */
@Component
class ExperimentPage {

	/** How many case studies a search for one to link offers. */
	private static final int FOUND = 8;

	private final ExperimentService service;

	private final Library library;

	private final Clock clock;

	ExperimentPage(ExperimentService service, Library library, Clock clock) {
		this.service = service;
		this.library = library;
		this.clock = clock;
	}

	/**
	 * @param editing the measurement shown as a form in its row, if any
	 * @param find words to find a case study to link, if the strategist is looking for one
	 */
	String show(long id, Long editing, String find, Model model) {
		ExperimentView experiment = service.view(id);
		if (find != null && !find.isBlank()) {
			SearchForm search = new SearchForm();
			search.setQ(find);
			model.addAttribute("find", find);
			model.addAttribute("found", library.search(search, PageRequest.of(0, FOUND)).page().getContent());
		}
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("experiment", experiment);
		model.addAttribute("editing", editing);
		if (!model.containsAttribute("measurementForm")) {
			MeasurementForm form = new MeasurementForm();
			boolean over = experiment.actualEnd() != null && experiment.actualEnd().isBefore(today);
			form.setMeasuredOn(over ? experiment.actualEnd() : today);
			model.addAttribute("measurementForm", form);
		}
		if (editing != null && !model.containsAttribute("editForm")) {
			model.addAttribute("editForm", service.measurementForm(id, editing));
		}
		if (!model.containsAttribute("transition")) {
			TransitionForm transition = new TransitionForm();
			transition.setStartOn(today);
			transition.setEndOn(today);
			// Planning an idea offers the dates it has, if any.
			transition.setPlannedStart(experiment.plannedStart());
			transition.setPlannedEnd(experiment.plannedEnd());
			model.addAttribute("transition", transition);
		}
		model.addAttribute("outcomes", Outcome.values());
		return "experiments/detail";
	}

}
