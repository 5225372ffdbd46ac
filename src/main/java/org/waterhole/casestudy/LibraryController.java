package org.waterhole.casestudy;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.Platform;

/** The library as everyone signed in uses it: front page, search, reading, helpful marks. */
@Controller
@RequestMapping("/library")
class LibraryController {

	static final int SEARCH_PAGE_SIZE = 10;

	private static final int RELATED = 4;

	private static final int FILTER_TAGS = 15;

	private final Library library;

	private final ReadingPage readingPage;

	private final Readings readings;

	private final DepartmentService departments;

	private final Clock clock;

	LibraryController(Library library, ReadingPage readingPage, Readings readings,
			DepartmentService departments, Clock clock) {
		this.library = library;
		this.readingPage = readingPage;
		this.readings = readings;
		this.departments = departments;
		this.clock = clock;
	}

	@GetMapping
	String front(@AuthenticationPrincipal WaterholeUser user, Model model) {
		if (user.getDepartmentId() != null) {
			model.addAttribute("recommended", library.recommended(user.getDepartmentId(), user.getPersonId()));
			model.addAttribute("department", departments.details(user.getDepartmentId()).name());
		}
		else {
			model.addAttribute("recommended", library.mostHelpful());
		}
		model.addAttribute("recent", library.recentlyPublished());
		model.addAttribute("tags", library.popularTags(FILTER_TAGS));
		if (user.getRole() == Role.STRATEGIST) {
			model.addAttribute("needingReview", library.countNeedingReview());
		}
		return "library/front";
	}

	@GetMapping("/search")
	String search(@ModelAttribute("search") SearchForm search, BindingResult ignoredValues,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal WaterholeUser user, Model model) {
		// Filter values that mean nothing (an unknown platform, a year that is not a number) are
		// left out of the search rather than answered with an error.
		Pageable pageable = PageRequest.of(Math.max(0, Math.min(page, 10_000)), SEARCH_PAGE_SIZE);
		List<DepartmentOption> departmentOptions = departments.options();
		Map<Long, String> departmentNames = DepartmentOption.namesById(departmentOptions);
		Library.SearchResult result = library.search(search, user.getDepartmentId(), pageable);
		model.addAttribute("result", result);
		// When the ranking put the reader's department's case studies first, the page says so.
		if (result.ownFirst() != null) {
			model.addAttribute("ownDepartment", departmentNames.get(result.ownFirst()));
		}
		model.addAttribute("departmentName", search.getDepartment() == null ? null
				: departmentNames.getOrDefault(search.getDepartment(), search.getDepartment().toString()));
		model.addAttribute("departmentOptions", departmentOptions);
		model.addAttribute("platforms", Platform.values());
		model.addAttribute("evidenceTypes", EvidenceType.values());
		model.addAttribute("sorts", SearchForm.Sort.values());
		model.addAttribute("years", library.years());
		model.addAttribute("tags", library.popularTags(FILTER_TAGS));
		return "library/search";
	}

	@GetMapping("/{id}")
	String read(@PathVariable long id, @AuthenticationPrincipal WaterholeUser user, Model model) {
		ReadingPage.Opened opened = readingPage.open(id, user, clock.instant(), RELATED);
		model.addAttribute("caseStudy", opened.caseStudy());
		model.addAttribute("helpful", opened.helpful());
		model.addAttribute("related", opened.related());
		return "library/read";
	}

	/**
	 * Marks a case study helpful for the user, or takes the mark back. An htmx request gets the
	 * button back; a plain form post goes back to the case study.
	 */
	@PostMapping("/{id}/helpful")
	@PreAuthorize("hasRole('STAFF')")
	String helpful(@PathVariable long id, @RequestParam(defaultValue = "true") boolean helpful,
			@AuthenticationPrincipal WaterholeUser user, HttpServletRequest request, Model model) {
		int count = readings.markHelpful(id, user.getPersonId(), user.getDepartmentId(), helpful, clock.instant());
		if (request.getHeader("HX-Request") == null) {
			return "redirect:/library/" + id + "#helpful";
		}
		model.addAttribute("caseStudyId", id);
		model.addAttribute("helpful", helpful);
		model.addAttribute("helpfulCount", count);
		return "library/read :: helpful";
	}

}
