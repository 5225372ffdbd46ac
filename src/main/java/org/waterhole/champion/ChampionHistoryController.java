package org.waterhole.champion;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.waterhole.shared.history.History;
import org.waterhole.shared.history.HistoryFields;
import org.waterhole.shared.history.HistoryView;

/**
 * The strategist reads a champion's history: who changed what, and when. Their name, email and
 * department are the person's, in the person's history.
 */
@Controller
class ChampionHistoryController {

	private static final HistoryFields FIELDS = HistoryFields.of(Champion.class)
		.choice("status", "champion.status", "champion.status.")
		.plain("since", "champion.sinceField")
		.choice("platforms", "champion.platforms", "platform.")
		.plain("skills", "champion.skills")
		.longText("pitch", "champion.pitch")
		.plain("openToMentoring", "champion.mentors");

	private final ChampionService champions;

	private final History history;

	ChampionHistoryController(ChampionService champions, History history) {
		this.champions = champions;
		this.history = history;
	}

	@GetMapping("/champions/{id}/history")
	@PreAuthorize("hasRole('STRATEGIST')")
	String history(@PathVariable long id, @RequestParam(required = false) Long before, Model model) {
		model.addAttribute("history", HistoryView.of("champions.title", "/champions", champions.name(id),
				"/champions/" + id, history.page(id, before, FIELDS)));
		return History.VIEW;
	}

}
