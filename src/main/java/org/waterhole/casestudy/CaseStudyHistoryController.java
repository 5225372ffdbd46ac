package org.waterhole.casestudy;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;
import org.waterhole.shared.history.History;
import org.waterhole.shared.history.HistoryFields;
import org.waterhole.shared.history.HistoryView;

/** The strategist reads a case study's history: who changed what, and when. */
@Controller
class CaseStudyHistoryController {

	private final CaseStudyService caseStudies;

	private final History history;

	private final HistoryFields fields;

	CaseStudyHistoryController(CaseStudyService caseStudies, DepartmentService departments, History history) {
		this.caseStudies = caseStudies;
		this.history = history;
		this.fields = HistoryFields.of(CaseStudy.class)
			.plain("title", "caseStudy.title")
			.plain("summary", "caseStudy.summary")
			.longText("body", "caseStudy.body")
			.longText("keyFindings", "caseStudy.keyFindings")
			.plain("sourceName", "caseStudy.sourceName")
			.plain("sourceUrl", "caseStudy.sourceUrl")
			.plain("publishedOn", "caseStudy.publishedOn")
			.choice("evidenceType", "caseStudy.evidenceType", "evidence.")
			.choice("platforms", "caseStudy.platforms", "platform.")
			.plain("tags", "caseStudy.tags")
			.reference("departmentIds", "caseStudy.departments",
					ids -> DepartmentOption.namesById(departments.options()))
			.plain("reviewBy", "caseStudy.reviewBy")
			.choice("status", "caseStudy.status", "caseStudy.status.")
			.plain("publishedAt", "caseStudy.inLibrarySince");
	}

	@GetMapping("/library/{id}/history")
	@PreAuthorize("hasRole('STRATEGIST')")
	String history(@PathVariable long id, @RequestParam(required = false) Long before, Model model) {
		model.addAttribute("history", HistoryView.of("library.title", "/library", caseStudies.title(id),
				"/library/" + id, history.page(id, before, fields)));
		return History.VIEW;
	}

}
