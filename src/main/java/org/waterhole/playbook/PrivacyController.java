package org.waterhole.playbook;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.waterhole.adoption.Dashboard;
import org.waterhole.casestudy.ReaderListViews;
import org.waterhole.shared.PrivacySettings;
import org.waterhole.shared.ScheduledJobs;
import org.waterhole.shared.web.SortOptions;

/**
 * The privacy page, in plain words, for anyone (signed in or not): what Waterhole records about a
 * person, who sees what, how long it is kept (from the settings), and what a person can do. And
 * the strategist's log of who looked at named readers.
 */
@Controller
class PrivacyController {

	private final PrivacySettings privacy;

	private final ReaderListViews views;

	private final Duration sessionTimeout;

	PrivacyController(PrivacySettings privacy, ReaderListViews views,
			@Value("${spring.session.timeout:${server.servlet.session.timeout:30m}}") Duration sessionTimeout) {
		this.privacy = privacy;
		this.views = views;
		this.sessionTimeout = sessionTimeout;
	}

	@GetMapping("/privacy")
	String privacy(Model model) {
		model.addAttribute("namedReadings", privacy.namedReadings());
		model.addAttribute("completedEventDays", ScheduledJobs.KEEP_COMPLETED.toDays());
		model.addAttribute("sessionMinutes", sessionTimeout.toMinutes());
		model.addAttribute("privacyFloor", Dashboard.PRIVACY_FLOOR);
		return "privacy/page";
	}

	/** The log, newest first, a page at a time. */
	@GetMapping("/privacy/views")
	String views(Pageable pageable, Model model) {
		Pageable bounded = SortOptions.bounded(pageable);
		model.addAttribute("views", views.page(PageRequest.of(bounded.getPageNumber(), bounded.getPageSize())));
		model.addAttribute("kept", privacy.namedReadings());
		return "privacy/views";
	}

}
