package org.waterhole.playbook;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;
import org.waterhole.adoption.Dashboard;
import org.waterhole.adoption.Evidence;
import org.waterhole.adoption.ObjectionAnswers;
import org.waterhole.adoption.ObjectionCategory;
import org.waterhole.adoption.Stage;
import org.waterhole.adoption.Timeline;
import org.waterhole.adoption.TimelineEntry;
import org.waterhole.casestudy.DepartmentInterest;
import org.waterhole.champion.ChampionSupport;
import org.waterhole.experiment.Experiments;
import org.waterhole.organization.PersonService;
import org.waterhole.organization.ReadingPrivacy;
import org.waterhole.shared.format.Formats;
import org.waterhole.playbook.Dismissals.Dismissal;
import org.waterhole.playbook.Readiness.Score;
import org.waterhole.playbook.Rules.Candidate;
import org.waterhole.playbook.SignalReader.Department;

/**
 * The playbook of each department: its readiness score and how it moved, its check-in rhythm,
 * and up to {@value #SUGGESTIONS} next actions with what they name and the form accepting one
 * opens, prefilled. Suggestions the strategist dismissed stay away until their figures change.
 */
@Service
@Transactional(readOnly = true)
public class Playbook {

	/** The most suggestions a department gets at once. */
	static final int SUGGESTIONS = 3;

	/** How many people, case studies, champions or events a suggestion names. */
	static final int NAMED = 3;

	/** Months of the score's movement, besides today. */
	static final int MONTHS = 12;

	/** Keen readers are counted over this many days. */
	static final int READER_DAYS = 365;

	/**
	 * How many of the keenest readers are read to name {@link #NAMED} still in the department:
	 * readings count for the department the reader was in then, and some have moved on since.
	 */
	static final int KEEN_READERS_READ = 30;

	/** Where a keen reader is invited to be a champion: the link names the reader. */
	private static final String INVITE_READER = "/champions/invitations/new?person=";

	private final SignalReader signals;

	private final Dismissals dismissals;

	private final PlaybookProperties settings;

	private final DepartmentInterest interest;

	private final ChampionSupport champions;

	private final Experiments experiments;

	private final Timeline timeline;

	private final ObjectionAnswers objectionAnswers;

	private final PersonService people;

	private final ReadingPrivacy readingPrivacy;

	private final MessageSource messages;

	private final Formats formats;

	private final Clock clock;

	Playbook(SignalReader signals, Dismissals dismissals, PlaybookProperties settings, DepartmentInterest interest,
			ChampionSupport champions, Experiments experiments, Timeline timeline, ObjectionAnswers objectionAnswers,
			PersonService people, ReadingPrivacy readingPrivacy, MessageSource messages, Formats formats, Clock clock) {
		this.signals = signals;
		this.dismissals = dismissals;
		this.settings = settings;
		this.interest = interest;
		this.champions = champions;
		this.experiments = experiments;
		this.timeline = timeline;
		this.objectionAnswers = objectionAnswers;
		this.people = people;
		this.readingPrivacy = readingPrivacy;
		this.messages = messages;
		this.formats = formats;
		this.clock = clock;
	}

	/**
	 * A department's playbook today for the strategist (with the suggestions) or a manager; a 404
	 * for an unknown department. Below the privacy floor ({@link Signals#belowPrivacyFloor}) a
	 * manager's playbook holds nothing worked out from what its people read: no reach or helpful
	 * marks, no total or history of totals, and no change of those since last month.
	 */
	DepartmentPlaybook department(long id, boolean strategist) {
		LocalDate today = LocalDate.now(clock);
		Map<Long, Department> all = signals.departments();
		Department department = signals.department(all, id);
		List<LocalDate> days = new ArrayList<>();
		for (int back = MONTHS; back >= 1; back--) {
			LocalDate month = today.minusMonths(back);
			days.add(month.withDayOfMonth(month.lengthOfMonth()));
		}
		days.add(today);
		List<Signals> history = signals.read(List.of(department), days).get(id);
		Signals now = history.get(history.size() - 1);
		Signals lastMonth = history.get(history.size() - 2);
		Score score = Readiness.of(now, settings.weights());
		List<Readiness.Change> changes = lastMonth.counted()
				? Readiness.changes(Readiness.of(lastMonth, settings.weights()), score) : null;
		Suggestions suggestions = strategist ? suggestions(now, all) : new Suggestions(List.of(), List.of());
		if (!strategist && now.belowPrivacyFloor()) {
			return new DepartmentPlaybook(department, null, null, contributionsWithoutReadings(score.contributions()),
					List.of(), lastMonth.day(), changes == null ? null : changesWithoutReadings(changes), List.of(),
					List.of(), checkIn(now), true);
		}
		List<MonthScore> movement = history.stream()
			.map(s -> new MonthScore(s.day(), s.counted() ? Readiness.of(s, settings.weights()).value() : null))
			.toList();
		return new DepartmentPlaybook(department, now, score, score.contributions(), movement, lastMonth.day(), changes,
				suggestions.shown(), suggestions.dismissed(), checkIn(now), false);
	}

	/** The department's suggestions today (at most {@value #SUGGESTIONS}), and those still dismissed. */
	private Suggestions suggestions(Signals now, Map<Long, Department> all) {
		List<Candidate> candidates = Rules.candidates(now, settings);
		Map<Rule, Dismissal> dismissed = new HashMap<>();
		if (!candidates.isEmpty()) {
			dismissals.of(List.of(now.departmentId())).forEach(d -> dismissed.put(d.rule(), d));
		}
		List<Suggestion> suggestions = new ArrayList<>();
		List<Dismissal> stillDismissed = new ArrayList<>();
		for (Candidate candidate : candidates) {
			Dismissal dismissal = dismissed.get(candidate.rule());
			if (dismissal != null && dismissal.signals().equals(candidate.fingerprint())) {
				stillDismissed.add(dismissal);
			}
			else if (suggestions.size() < SUGGESTIONS) {
				suggestions.add(detailed(candidate, now, all));
			}
		}
		return new Suggestions(suggestions, stillDismissed);
	}

	/** What is left of a score's contributions with nothing worked out from what people read. */
	private static List<Readiness.Contribution> contributionsWithoutReadings(List<Readiness.Contribution> contributions) {
		return contributions.stream().filter(c -> !c.signal().fromReadings()).toList();
	}

	/** What is left of the changes since last month with nothing worked out from what people read. */
	static List<Readiness.Change> changesWithoutReadings(List<Readiness.Change> changes) {
		return changes.stream().filter(c -> !c.signal().fromReadings()).toList();
	}

	/**
	 * The departments' first suggestions (from {@link #firstSuggestions}), the lowest scores first (the
	 * newest departments first among equals), at most {@code limit}, each accepted through {@link #acceptUrl}.
	 */
	static List<AgendaView.DepartmentSuggestion> mostPressing(Map<Long, Department> departments,
			Collection<AgendaView.DepartmentSuggestion> first, int limit) {
		// Among equal scores, the departments most recently put on record first: they need a first step.
		return first.stream()
			.sorted(Comparator.comparingInt(AgendaView.DepartmentSuggestion::score)
				.thenComparing(p -> departments.get(p.departmentId()).onRecordAt(), Comparator.reverseOrder())
				.thenComparing(AgendaView.DepartmentSuggestion::departmentName, String.CASE_INSENSITIVE_ORDER))
			.limit(limit)
			.toList();
	}

	/**
	 * Each department's first suggestion that isn't dismissed, by department (those with none left
	 * out): the dismissals of all of them in one statement.
	 */
	Map<Long, AgendaView.DepartmentSuggestion> firstSuggestions(Map<Long, Signals> today) {
		Map<Long, Map<Rule, String>> dismissed = new HashMap<>();
		dismissals.of(today.keySet())
			.forEach(d -> dismissed.computeIfAbsent(d.departmentId(), k -> new HashMap<>()).put(d.rule(), d.signals()));
		Map<Long, AgendaView.DepartmentSuggestion> first = new HashMap<>();
		today.values().forEach(s -> Rules.candidates(s, settings)
			.stream()
			.filter(c -> !c.fingerprint().equals(dismissed.getOrDefault(s.departmentId(), Map.of()).get(c.rule())))
			.findFirst()
			.ifPresent(c -> first.put(s.departmentId(), new AgendaView.DepartmentSuggestion(s.departmentId(),
					s.departmentName(), Readiness.of(s, settings.weights()).value(), new Suggestion(c.rule(),
							c.shortReasonKey(), c.reasonArgs(), List.of(), acceptPath(s.departmentId(), c.rule()))))));
		return first;
	}

	/**
	 * The signals of the given departments at the end of last month and today, by department:
	 * three statements, whatever their number.
	 */
	Map<Long, List<Signals>> lastMonthAndToday(Map<Long, Department> all) {
		LocalDate today = LocalDate.now(clock);
		LocalDate lastMonth = today.minusMonths(1);
		return signals.read(all.values(), List.of(lastMonth.withDayOfMonth(lastMonth.lengthOfMonth()), today));
	}

	PlaybookProperties.Weights weights() {
		return settings.weights();
	}

	/** Today's signals of every department. */
	Map<Long, Signals> today(Map<Long, Department> all) {
		Map<Long, Signals> today = new HashMap<>();
		signals.read(all.values(), List.of(LocalDate.now(clock))).forEach((id, list) -> today.put(id, list.get(0)));
		return today;
	}

	Map<Long, Department> departments() {
		return signals.departments();
	}

	/**
	 * Where accepting a rule's suggestion for a department leads today: its form, prefilled;
	 * empty when the rule no longer applies. A 404 for an unknown department.
	 */
	Optional<String> acceptUrl(long id, Rule rule) {
		Map<Long, Department> all = signals.departments();
		Signals now = signals.read(List.of(signals.department(all, id)), List.of(LocalDate.now(clock))).get(id).get(0);
		return Rules.candidates(now, settings)
			.stream()
			.filter(c -> c.rule() == rule)
			.findFirst()
			.map(c -> detailed(c, now, all).acceptUrl());
	}

	/**
	 * Dismisses a rule's suggestion for a department on today's figures, with the reason.
	 * @return false when the rule doesn't apply to the department now (nothing to dismiss)
	 */
	@Transactional
	boolean dismiss(long id, Rule rule, String reason, long by) {
		Map<Long, Department> all = signals.departments();
		Signals now = signals.read(List.of(signals.department(all, id)), List.of(LocalDate.now(clock))).get(id).get(0);
		Optional<Candidate> candidate = Rules.candidates(now, settings).stream().filter(c -> c.rule() == rule).findFirst();
		candidate.ifPresent(c -> dismissals.dismiss(id, rule, c.fingerprint(), reason, by));
		return candidate.isPresent();
	}

	/**
	 * Takes back the dismissal of a rule's suggestion for a department: the suggestion shows again
	 * if it still applies.
	 * @return false when it wasn't dismissed (any more)
	 */
	@Transactional
	boolean restore(long id, Rule rule) {
		signals.department(signals.departments(), id);
		return dismissals.restore(id, rule);
	}

	CheckIn checkIn(Signals s) {
		return checkIn(s, settings);
	}

	/**
	 * When the department's next check-in falls due: its interval after its last event recorded
	 * by hand (by the event's date: a note about a meeting months ago is no recent contact). The
	 * interval is the department's own, else the configured one; while the department is
	 * experimenting, the configured interval for experimenting if that is shorter.
	 */
	static CheckIn checkIn(Signals s, PlaybookProperties settings) {
		Integer own = s.ownCheckInDays();
		int experimentingDays = settings.checkIns().experimentingDays();
		boolean forExperimenting = s.stage() == Stage.EXPERIMENTING && (own == null || experimentingDays < own);
		int interval = forExperimenting ? experimentingDays : own != null ? own : settings.checkIns().days();
		LocalDate due = s.lastCheckIn().plusDays(interval);
		return new CheckIn(s.lastRecorded(), due, interval, own, forExperimenting, !due.isAfter(s.day()));
	}

	static String acceptPath(long departmentId, Rule rule) {
		return "/playbook/departments/" + departmentId + "/accept/" + rule.name();
	}

	/** The suggestion with what it names, looked up for its rule alone, and its prefilled form. */
	private Suggestion detailed(Candidate c, Signals s, Map<Long, Department> all) {
		return switch (c.rule()) {
			case ANSWER_OBJECTION -> answerObjection(c, s, all);
			case RECRUIT_CHAMPION -> recruitChampion(c, s);
			case PROPOSE_EXPERIMENT -> proposeExperiment(c, s, all);
			case SHARE_CASE_STUDIES -> shareCaseStudies(c, s);
			case CHECK_IN -> checkIn(c, s);
		};
	}

	/**
	 * An experiment to propose: the one already planned, carried on, or else the latest success of
	 * the departments closest in size to copy.
	 */
	private Suggestion proposeExperiment(Candidate c, Signals s, Map<Long, Department> all) {
		long id = s.departmentId();
		List<Suggestion.Detail> details = new ArrayList<>();
		Optional<Experiments.Planned> planned = experiments.latestOpenIn(id);
		if (planned.isPresent()) {
			// Already proposed (accepted earlier, say): carry that one on rather than propose another.
			Experiments.Planned p = planned.get();
			details.add(new Suggestion.Detail(p.title(), "/experiments/" + p.id(), message("playbook.detail.planned")));
			return new Suggestion(c.rule(), c.reasonKey() + ".planned", c.reasonArgs(), details, "/experiments/" + p.id());
		}
		List<Long> similar = all.values()
			.stream()
			.filter(d -> d.id() != id)
			.sorted(Comparator.comparingLong((Department d) -> Math.abs(d.people() - s.people()))
				.thenComparing(Department::id))
			.map(Department::id)
			.toList();
		Optional<Experiments.Precedent> precedent = similar.isEmpty() ? Optional.empty()
				: experiments.latestSuccessIn(similar);
		precedent.ifPresent(p -> details.add(new Suggestion.Detail(p.title(), "/experiments/" + p.id(),
				message("playbook.detail.precedent", all.get(p.departmentId()).name(), all.get(p.departmentId()).people()))));
		UriComponentsBuilder url = form("/experiments/new").queryParam("department", id);
		precedent.ifPresent(p -> url.queryParam("from", p.id()));
		String reason = precedent.isEmpty() ? c.reasonKey() + ".noPrecedent" : c.reasonKey();
		return new Suggestion(c.rule(), reason, c.reasonArgs(), details, url.build().encode().toUriString());
	}

	/** The case studies to share: unread in the department, those on its objections' topics first. */
	private Suggestion shareCaseStudies(Candidate c, Signals s) {
		long id = s.departmentId();
		List<String> tags = s.objectionCategories()
			.stream()
			.flatMap(category -> settings.answersTo(category).tags().stream())
			.distinct()
			.toList();
		List<DepartmentInterest.Pick> picks = interest.unread(id, tags, NAMED);
		List<Suggestion.Detail> details = picks.stream()
			.map(p -> new Suggestion.Detail(p.title(), "/library/" + p.id(),
					message(p.onTopic() ? "playbook.detail.onTopic" : "playbook.detail.unread")))
			.toList();
		String accept = form("/adoption/events/new").queryParam("department", id)
			.queryParam("kind", "NOTE")
			.queryParam("title", message("playbook.accept.shareTitle", s.departmentName()))
			.queryParam("details", picks.stream().map(DepartmentInterest.Pick::title).collect(Collectors.joining("\n")))
			.build()
			.encode()
			.toUriString();
		String reason = picks.isEmpty() ? c.reasonKey() + ".allRead" : c.reasonKey();
		return new Suggestion(c.rule(), reason, c.reasonArgs(), details, accept);
	}

	/** A check-in: the department's latest events, and the note that records it. */
	private Suggestion checkIn(Candidate c, Signals s) {
		long id = s.departmentId();
		List<Suggestion.Detail> details = timeline.recent(id, NAMED)
			.stream()
			.map(e -> new Suggestion.Detail(e.title(), "/adoption/departments/" + id, formats.date(e.occurredOn())))
			.toList();
		return new Suggestion(c.rule(), c.reasonKey(), c.reasonArgs(), details, checkInUrl(id, s.departmentName()));
	}

	/**
	 * The newest open objection, and what answers its category: the case studies and champions that
	 * answered one of its kind in another department first (the latest first), then the case studies
	 * tagged for it and the champions with the skills it needs (the department's own first). Each
	 * says why it is offered.
	 */
	private Suggestion answerObjection(Candidate c, Signals s, Map<Long, Department> all) {
		long id = s.departmentId();
		List<Suggestion.Detail> details = new ArrayList<>();
		// The newest objection open today (one answered by an event dated later is still open).
		Optional<TimelineEntry> newest = timeline.openObjections(id, s.day(), 1).stream().findFirst();
		ObjectionCategory category = newest.map(TimelineEntry::objectionCategory).orElse(ObjectionCategory.OTHER);
		String kind = message(category.messageKey());
		PlaybookProperties.Answers answers = settings.answersTo(category);
		newest.ifPresent(objection -> details.add(new Suggestion.Detail(objection.title(),
				"/adoption/departments/" + id, kind)));
		Map<Evidence, Map<Long, ObjectionAnswers.Answer>> before = new EnumMap<>(Evidence.class);
		objectionAnswers.elsewhere(category, id)
			.forEach(a -> before.computeIfAbsent(a.kind(), k -> new LinkedHashMap<>()).putIfAbsent(a.id(), a));
		Map<Long, ObjectionAnswers.Answer> caseStudiesBefore = before.getOrDefault(Evidence.CASE_STUDY, Map.of());
		Map<Long, ObjectionAnswers.Answer> championsBefore = before.getOrDefault(Evidence.CHAMPION, Map.of());
		List<DepartmentInterest.Pick> caseStudies = interest.answering(id, answers.tags(), caseStudiesBefore.keySet(),
				NAMED);
		caseStudies.forEach(p -> details.add(new Suggestion.Detail(p.title(), "/library/" + p.id(), because(
				answeredBefore(caseStudiesBefore.get(p.id()), kind, all),
				p.onTopic() ? message("playbook.detail.tagged", kind) : null, message("playbook.detail.caseStudy")))));
		List<ChampionSupport.Helper> helpers = champions.helpers(id, answers.skills(), championsBefore.keySet(),
				s.day().minusDays(Dashboard.REACH_DAYS), NAMED);
		helpers.forEach(h -> details.add(new Suggestion.Detail(h.name(), "/champions/" + h.id(), because(
				answeredBefore(championsBefore.get(h.id()), kind, all),
				h.skills().isEmpty() ? null : message("playbook.detail.skills", String.join(", ", h.skills()), kind),
				where(h, all)))));
		return new Suggestion(c.rule(), c.reasonKey(), c.reasonArgs(), details,
				answerForm(id, newest, caseStudies, helpers, all));
	}

	/**
	 * The note that answers the objection, prefilled with what answered it: the first case study,
	 * else a champion of the department, else one from another department, which the note says.
	 */
	private String answerForm(long id, Optional<TimelineEntry> newest, List<DepartmentInterest.Pick> caseStudies,
			List<ChampionSupport.Helper> helpers, Map<Long, Department> all) {
		UriComponentsBuilder url = form("/adoption/events/new").queryParam("department", id).queryParam("kind", "NOTE");
		newest.ifPresent(objection -> url.queryParam("answers", objection.id())
			.queryParam("title", message("playbook.accept.answerTitle", objection.title())));
		Optional<ChampionSupport.Helper> champion = helpers.stream()
			.filter(ChampionSupport.Helper::sameDepartment)
			.findFirst()
			.or(() -> helpers.stream().findFirst());
		if (!caseStudies.isEmpty()) {
			url.queryParam("answeredWith", "CASE_STUDY:" + caseStudies.get(0).id());
		}
		else if (champion.isPresent()) {
			ChampionSupport.Helper h = champion.get();
			url.queryParam("answeredWith", "CHAMPION:" + h.id());
			if (!h.sameDepartment()) {
				String from = departmentName(h, all);
				url.queryParam("details", from == null ? message("playbook.accept.championNoDepartment", h.name())
						: message("playbook.accept.championFrom", h.name(), from));
			}
		}
		return url.build().encode().toUriString();
	}

	/** "answered a … objection in … on …", for something that answered one of the kind elsewhere; else null. */
	private String answeredBefore(ObjectionAnswers.Answer answer, String kind, Map<Long, Department> all) {
		if (answer == null) {
			return null;
		}
		Department where = answer.departmentId() == null ? null : all.get(answer.departmentId());
		return where == null ? message("playbook.detail.answeredBefore", kind, formats.date(answer.answeredOn()))
				: message("playbook.detail.answeredIn", kind, where.name(), formats.date(answer.answeredOn()));
	}

	/** Where a champion is: in the department, from another (named), or in none. */
	private String where(ChampionSupport.Helper h, Map<Long, Department> all) {
		if (h.sameDepartment()) {
			return message("playbook.detail.championHere");
		}
		String from = departmentName(h, all);
		return from == null ? message("playbook.detail.championNoDepartment")
				: message("playbook.detail.championFrom", from);
	}

	/** The name of a champion's department; {@code null} when they are in none. */
	private static String departmentName(ChampionSupport.Helper h, Map<Long, Department> all) {
		Department department = h.departmentId() == null ? null : all.get(h.departmentId());
		return department == null ? null : department.name();
	}

	/** The reasons given, in one line. */
	private static String because(String... reasons) {
		return java.util.Arrays.stream(reasons).filter(r -> r != null).collect(Collectors.joining("; "));
	}

	/**
	 * Who could be the department's champion: its people whose offer to volunteer waits (accepting
	 * it is the first step), then its keenest readers, each invited from their link; a reading counts
	 * for the department the reader was in, so of the keenest, those still in it; never a reader who
	 * chose that their name is not connected to what they read, nor a former member (left out before
	 * the keenest are counted).
	 */
	private Suggestion recruitChampion(Candidate c, Signals s) {
		long id = s.departmentId();
		List<ChampionSupport.Volunteer> waiting = champions.waitingVolunteers();
		List<DepartmentInterest.Reader> keenest = interest.keenestReaders(id, s.day().minusDays(READER_DAYS),
				readingPrivacy.neverNamed(), KEEN_READERS_READ);
		List<Long> asked = new ArrayList<>();
		waiting.forEach(v -> asked.add(v.personId()));
		keenest.forEach(r -> asked.add(r.personId()));
		Map<Long, String> names = people.namesIn(id, asked);
		List<ChampionSupport.Volunteer> volunteers = waiting.stream().filter(v -> names.containsKey(v.personId()))
			.limit(NAMED).toList();
		List<Long> volunteering = volunteers.stream().map(ChampionSupport.Volunteer::personId).toList();
		List<DepartmentInterest.Reader> readers = keenest.stream()
			.filter(r -> names.containsKey(r.personId()) && !volunteering.contains(r.personId()))
			.limit(NAMED)
			.toList();
		List<Suggestion.Detail> details = new ArrayList<>();
		volunteers.forEach(v -> details.add(new Suggestion.Detail(names.get(v.personId()), "/champions/requests",
				message("playbook.detail.volunteer", formats.date(v.offeredAt())))));
		readers.forEach(r -> details.add(new Suggestion.Detail(names.get(r.personId()),
				INVITE_READER + r.personId(),
				message("playbook.detail.reader", r.caseStudiesRead(), r.helpfulMarks()))));
		String reason = c.reasonKey();
		String accept = "/champions/invitations/new";
		if (!volunteers.isEmpty()) {
			reason += ".volunteer";
			accept = "/champions/requests";
		}
		else if (!readers.isEmpty()) {
			accept = INVITE_READER + readers.get(0).personId();
		}
		else {
			reason += ".noReaders";
		}
		return new Suggestion(c.rule(), reason, c.reasonArgs(), details, accept);
	}

	/** The form recording a check-in with a department; a 404 for an unknown department. */
	String checkInUrl(long id) {
		return checkInUrl(id, signals.department(signals.departments(), id).name());
	}

	/** The form recording a check-in with a department: a note, titled for it. */
	private String checkInUrl(long id, String departmentName) {
		return form("/adoption/events/new").queryParam("department", id)
			.queryParam("kind", "NOTE")
			.queryParam("title", message("playbook.accept.checkInTitle", departmentName))
			.build()
			.encode()
			.toUriString();
	}

	private static UriComponentsBuilder form(String path) {
		return UriComponentsBuilder.fromPath(path);
	}

	private String message(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, args, locale);
	}

	/** A department's score on a day (the end of a past month, or today); {@code null} before it counted. */
	record MonthScore(LocalDate day, Integer score) {
	}

	/**
	 * The last event recorded by hand ({@code null}: none), the day the next check-in is due, the
	 * interval and where it comes from (the department's own days, {@code null} if none; whether the
	 * interval for experimenting applies), and whether the check-in is due.
	 */
	record CheckIn(LocalDate last, LocalDate dueOn, int intervalDays, Integer ownDays, boolean forExperimenting,
			boolean due) {

		/** The message that says where the interval comes from, given the interval and the own days. */
		public String intervalKey() {
			if (forExperimenting) {
				return ownDays != null ? "playbook.checkIn.interval.experimentingOwn" : "playbook.checkIn.interval.experimenting";
			}
			return ownDays != null ? "playbook.checkIn.interval.own" : "playbook.checkIn.interval.usual";
		}

	}

	/** The suggestions shown, and those the strategist dismissed that stay away. */
	private record Suggestions(List<Suggestion> shown, List<Dismissal> dismissed) {
	}

	/**
	 * What a department's playbook page shows. With {@code readingsHidden} (a manager, below the
	 * privacy floor) there is nothing worked out from what its people read: {@code now} and
	 * {@code score} are {@code null}, {@code contributions} and {@code changes} leave out the
	 * personal signals and the stage's band, and {@code movement} is empty. The {@code changes}
	 * since the end of last month ({@code lastMonth}) are {@code null} when it wasn't on record then.
	 */
	record DepartmentPlaybook(Department department, Signals now, Score score,
			List<Readiness.Contribution> contributions, List<MonthScore> movement, LocalDate lastMonth,
			List<Readiness.Change> changes, List<Suggestion> suggestions, List<Dismissal> dismissed, CheckIn checkIn,
			boolean readingsHidden) {

		/** Whether the page names people by what they read: the keen readers of recruit a champion. */
		public boolean namesReaders() {
			return suggestions.stream().anyMatch(Playbook::namesReaders);
		}

	}

	/** Whether a suggestion names people by what they read (its keen readers). */
	static boolean namesReaders(Suggestion suggestion) {
		return suggestion.details().stream().anyMatch(d -> d.url() != null && d.url().startsWith(INVITE_READER));
	}

	/** Whether accepting a suggestion opens a form that names a keen reader. */
	static boolean namesReader(String acceptUrl) {
		return acceptUrl.startsWith(INVITE_READER);
	}

}
