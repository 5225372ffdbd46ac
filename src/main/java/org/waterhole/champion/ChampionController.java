package org.waterhole.champion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waterhole.champion.ChampionService.ActivityGoneException;
import org.waterhole.champion.ChampionService.FutureActivityException;
import org.waterhole.champion.ChampionService.NotRecordedByException;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.Platform;
import org.waterhole.shared.web.FlashMessage;
import org.waterhole.shared.web.PageLinks;
import org.waterhole.shared.web.SortOptions;

/**
 * The directory as everyone signed in uses it: find a champion, read their profile, see the
 * coverage; and a champion's activities, which the champion themself and the strategist log.
 */
@Controller
@RequestMapping("/champions")
class ChampionController {

	static final int PAGE_SIZE = 24;

	private static final int MOST_ACTIVE = 10;

	private static final int SKILL_CHOICES = 30;

	private final Directory directory;

	private final ChampionService champions;

	private final DepartmentService departments;

	private final Clock clock;

	private final ChampionInvitations invitations;

	private final MessageSource messages;

	ChampionController(Directory directory, ChampionService champions, DepartmentService departments, Clock clock,
			ChampionInvitations invitations, MessageSource messages) {
		this.directory = directory;
		this.invitations = invitations;
		this.champions = champions;
		this.departments = departments;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping
	String directory(@ModelAttribute("filter") DirectoryFilter filter, BindingResult ignoredValues,
			@AuthenticationPrincipal WaterholeUser user, Pageable pageable, Locale locale, Model model) {
		Pageable page = PageRequest.of(SortOptions.bounded(pageable).getPageNumber(), PAGE_SIZE);
		model.addAttribute("champions", directory.page(filter, user.getDepartmentId(), page));
		model.addAttribute("myDepartment", user.getDepartmentId());
		model.addAttribute("recentDays", Directory.RECENT_DAYS);
		model.addAttribute("departmentOptions", departments.options());
		model.addAttribute("platforms", Platform.values());
		model.addAttribute("statuses", ChampionStatus.values());
		model.addAttribute("skills", directory.skills(SKILL_CHOICES));
		model.addAttribute("ownChampion", champions.championOf(user.getPersonId()).orElse(null));
		model.addAttribute("invitation", invitations.waitingFor(user.getPersonId()).orElse(null));
		if (user.getRole() == Role.STRATEGIST) {
			model.addAttribute("pendingRequests", directory.countPending());
		}
		if (filter.matchesAny()) {
			model.addAttribute("why", why(filter, user.getDepartmentId(), locale));
		}
		return "champions/directory";
	}

	/**
	 * Why the champions of a search for any of some platforms or skills are listed, such as:
	 * Champions on LinkedIn or skilled in recruitment, Library first.
	 */
	private String why(DirectoryFilter filter, Long myDepartment, Locale locale) {
		String platforms = anyOf(filter.anyPlatforms().stream()
			.map(p -> messages.getMessage(p.messageKey(), null, locale))
			.toList(), locale);
		String skills = anyOf(filter.anySkills(), locale);
		String why = platforms == null ? messages.getMessage("champions.matching.skills", new Object[] { skills }, locale)
				: skills == null ? messages.getMessage("champions.matching.platforms", new Object[] { platforms }, locale)
						: messages.getMessage("champions.matching.both", new Object[] { platforms, skills }, locale);
		if (myDepartment == null || filter.getDepartment() != null) {
			return why;
		}
		return messages.getMessage("champions.matching.mineFirst",
				new Object[] { why, departments.details(myDepartment).name() }, locale);
	}

	private String anyOf(List<String> values, Locale locale) {
		return values.stream()
			.reduce((a, b) -> messages.getMessage("champions.matching.or", new Object[] { a, b }, locale))
			.orElse(null);
	}

	@GetMapping("/coverage")
	String coverage(Sort sort, Model model) {
		model.addAttribute("coverage", directory.coverage(sort));
		model.addAttribute("mostActive", directory.mostActive(MOST_ACTIVE));
		model.addAttribute("recentDays", Directory.RECENT_DAYS);
		return "champions/coverage";
	}

	@GetMapping("/{id}")
	String profile(@PathVariable long id, @AuthenticationPrincipal WaterholeUser user, Pageable pageable,
			Model model) {
		ChampionView champion = champions.view(id);
		model.addAttribute("champion", champion);
		model.addAttribute("department",
				champion.departmentId() == null ? null : departments.details(champion.departmentId()).name());
		model.addAttribute("activities", directory.activities(id, SortOptions.bounded(pageable)));
		model.addAttribute("recentActivities", directory.recentActivities(id));
		model.addAttribute("recentDays", Directory.RECENT_DAYS);
		boolean strategist = user.getRole() == Role.STRATEGIST;
		model.addAttribute("mayLog", strategist || champion.personId() == user.getPersonId());
		// The strategist deletes any activity; the champion only those they logged themself.
		model.addAttribute("mayDeleteAny", strategist);
		model.addAttribute("me", user.getPersonId());
		model.addAttribute("kinds", ActivityKind.values());
		if (!model.containsAttribute("activityForm")) {
			ActivityForm form = new ActivityForm();
			form.setOccurredOn(LocalDate.now(clock));
			model.addAttribute("activityForm", form);
		}
		return "champions/profile";
	}

	/** The strategist, or the champion themself, logs an activity. */
	@PostMapping("/{id}/activities")
	@PreAuthorize("hasRole('STRATEGIST') or @championGuard.isSelf(#id, authentication)")
	String logActivity(@PathVariable long id, @Valid @ModelAttribute("activityForm") ActivityForm form,
			BindingResult result, @AuthenticationPrincipal WaterholeUser user, Pageable pageable, Model model,
			RedirectAttributes redirect, HttpServletRequest request) {
		if (!result.hasErrors()) {
			try {
				champions.logActivity(id, form, user.getPersonId());
				FlashMessage.success(redirect, "activity.logged");
				return "redirect:/champions/" + id + "#activities";
			}
			catch (FutureActivityException ex) {
				result.rejectValue("occurredOn", "activity.future");
			}
		}
		// The profile again, with the form's errors; its page links lead to the profile.
		request.setAttribute(PageLinks.PATH, "/champions/" + id);
		return profile(id, user, pageable, model);
	}

	@PostMapping("/{id}/activities/{activityId}/delete")
	@PreAuthorize("hasRole('STRATEGIST') or @championGuard.mayDeleteActivity(#id, #activityId, authentication)")
	String deleteActivity(@PathVariable long id, @PathVariable long activityId,
			@AuthenticationPrincipal WaterholeUser user, RedirectAttributes redirect) {
		champions.requireExists(id);
		try {
			champions.deleteActivity(id, activityId, user.getRole() == Role.STRATEGIST ? null : user.getPersonId());
			FlashMessage.success(redirect, "activity.deleted");
		}
		catch (ActivityGoneException ex) {
			FlashMessage.warning(redirect, "activity.alreadyGone");
		}
		catch (NotRecordedByException ex) {
			throw new AccessDeniedException("activity " + activityId + " was logged by someone else");
		}
		return "redirect:/champions/" + id + "#activities";
	}

}
