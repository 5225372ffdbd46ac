package org.waterhole.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.OrganizationDemoData;
import org.waterhole.organization.PersonService;

/**
 * Two years of the demo organisation's adoption, as the strategist recorded it: every
 * department's stage changes (Marketing leads, the faculties follow, Finance and Estates have
 * stalled, the International Office went back a stage), with milestones, objections (some answered,
 * most of those with the experiment, champion or case study that did it) and notes along the way. What the other modules report (case studies, experiments, champions) reaches
 * the timeline from their own demo data through their events. Loaded once, after the other demo
 * data.
 */
@Component
@ConditionalOnBooleanProperty("waterhole.demo.enabled")
@Order(AdoptionDemoData.ORDER)
class AdoptionDemoData implements ApplicationRunner {

	static final int ORDER = OrganizationDemoData.ORDER + 40;

	private static final Logger log = LoggerFactory.getLogger(AdoptionDemoData.class);

	/** Per department, its stage changes as days ago and the stage reached, oldest first. */
	private static final Map<String, int[][]> PATHS = Map.ofEntries(
			Map.entry("Marketing & Communications", path(700, 1, 640, 2, 560, 3, 420, 4, 200, 5)),
			Map.entry("Admissions", path(690, 1, 600, 2, 480, 3, 330, 4, 90, 5)),
			Map.entry("Alumni Relations", path(650, 1, 500, 2, 300, 3, 120, 4)),
			Map.entry("Athletics", path(620, 1, 540, 2, 400, 3, 150, 4)),
			Map.entry("Library", path(600, 1, 450, 2, 260, 3, 60, 4)),
			Map.entry("Research Office", path(580, 1, 380, 2, 170, 3)),
			Map.entry("Human Resources", path(560, 1, 400, 2, 140, 3)),
			Map.entry("IT Services", path(540, 1, 300, 2, 100, 3)),
			Map.entry("Student Services", path(520, 1, 420, 2, 280, 3, 45, 4)),
			Map.entry("Careers Service", path(500, 1, 350, 2, 75, 3)),
			Map.entry("International Office", path(480, 1, 360, 2, 240, 3, 120, 2)),
			Map.entry("Faculty of Arts & Humanities", path(460, 1, 310, 2, 150, 3)),
			Map.entry("Faculty of Science", path(440, 1, 200, 2, 30, 3)),
			Map.entry("Faculty of Medicine", path(420, 1, 250, 2)),
			Map.entry("Finance", path(400, 1)));

	/** The title of a stage change forward, by the stage reached. */
	private static final String[] STAGE_TITLES = { "", "Came to the introductory talk on social media",
			"Asked for the case studies on what other departments did", "Started a first experiment",
			"Posts regularly, planned a term ahead", "Teaches other departments what worked" };

	private static final String[] MILESTONES = { "First post from the department account",
			"Department account passed 1,000 followers", "First live stream of an event",
			"Head of department shared a post to their own network", "Team agreed a monthly posting plan",
			"First paid campaign, run by the team itself" };

	private static final Map<ObjectionCategory, String[]> OBJECTIONS = Map.of(ObjectionCategory.TIME,
			new String[] { "“We don’t have the hours to post every week”", "“Nobody here can own the account”" },
			ObjectionCategory.RISK,
			new String[] { "“What if someone posts something we regret?”", "“Comments will be negative”" },
			ObjectionCategory.SKILLS,
			new String[] { "“We don’t know how to make video”", "“None of us writes for social media”" },
			ObjectionCategory.VALUE,
			new String[] { "“Our audience isn’t on social media”", "“Email already works for us”" },
			ObjectionCategory.OTHER, new String[] { "“The brand rules are too strict to post anything”" });

	/** How an objection of each category was answered, in the order of {@link ObjectionCategory}. */
	private static final String[] ANSWERS = { "Showed them the one-hour monthly planning routine",
			"Walked them through the social media policy and the moderation guide",
			"Their champion ran a lunchtime session on filming with a phone",
			"Shared the case study where a similar team doubled its applicants",
			"Agreed a lighter-touch brand check for department accounts" };

	private static final String[] NOTES = { "Met the head of department; interested but cautious",
			"Shared the case study on open-day video with the team", "Team asked for a workshop after the summer",
			"Budget discussion postponed to next term", "Two staff volunteered to try a month of posts" };

	/**
	 * Departments the strategist checked in with lately (the others are due, or soon): the agenda
	 * of a strategist who keeps a rhythm, not a list of everyone.
	 */
	private static final List<String> CHECKED_IN_LATELY = List.of("Marketing & Communications", "Admissions",
			"Athletics", "Library", "Human Resources", "IT Services", "Student Services",
			"Faculty of Arts & Humanities");

	private static final String[] CHECK_INS = { "Coffee with the team lead: next term's posting plan agreed",
			"Looked at their analytics together; asked for a short video workshop",
			"Quick call: their champion is busy with exams, picking up again next month" };

	private final AdoptionLog adoption;

	private final DepartmentService departments;

	private final PersonService people;

	private final JdbcClient jdbc;

	private final EvidenceChoices evidence;

	private final Clock clock;

	AdoptionDemoData(AdoptionLog adoption, DepartmentService departments, PersonService people, JdbcClient jdbc,
			EvidenceChoices evidence, Clock clock) {
		this.adoption = adoption;
		this.departments = departments;
		this.people = people;
		this.jdbc = jdbc;
		this.evidence = evidence;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		boolean recorded = jdbc.sql("select exists (select 1 from adoption_event where recorded_by is not null)")
			.query(Boolean.class)
			.single();
		if (recorded) {
			return;
		}
		long strategist = people.idByEmail(OrganizationDemoData.STRATEGIST_EMAIL).orElseThrow();
		LocalDate today = LocalDate.now(clock);
		Random random = new Random(11);
		int events = 0;
		int answers = 0;
		for (DepartmentOption department : departments.options()) {
			int[][] path = PATHS.getOrDefault(department.getName(), new int[0][]);
			int previous = 0;
			for (int[] change : path) {
				boolean back = change[1] < previous;
				RecordForm form = RecordForm.of(department.getId(), today.minusDays(change[0]), EventKind.STAGE_CHANGE,
						back ? "The team paused its posting after the account manager left" : STAGE_TITLES[change[1]]);
				form.setToStage(Stage.values()[change[1]]);
				adoption.record(form, strategist);
				previous = change[1];
				events++;
			}
			int since = path.length == 0 ? 700 : path[0][0];
			if (path.length >= 3) {
				RecordForm milestone = RecordForm.of(department.getId(), today.minusDays(random.nextInt(since - 10)),
						EventKind.MILESTONE, MILESTONES[random.nextInt(MILESTONES.length)]);
				adoption.record(milestone, strategist);
				events++;
			}
			int objections = path.length >= 4 ? 1 : 2 + random.nextInt(2);
			for (int i = 0; i < objections; i++) {
				ObjectionCategory category = ObjectionCategory.values()[random.nextInt(ObjectionCategory.values().length)];
				String[] titles = OBJECTIONS.get(category);
				LocalDate raised = today.minusDays(random.nextInt(since));
				RecordForm objection = RecordForm.of(department.getId(), raised, EventKind.OBJECTION,
						titles[random.nextInt(titles.length)]);
				objection.setObjectionCategory(category);
				long objectionId = adoption.record(objection, strategist);
				events++;
				// Departments further along have had their first objection answered.
				if (i == 0 && path.length >= 3) {
					LocalDate answered = raised.plusDays(7 + random.nextInt(60));
					RecordForm answer = RecordForm.of(department.getId(), answered.isAfter(today) ? today : answered,
							EventKind.NOTE, ANSWERS[category.ordinal()]);
					answer.setAnswersId(objectionId);
					answer.setAnsweredWith(answeredWith(department.getId(), answers++));
					adoption.record(answer, strategist);
					events++;
				}
			}
			RecordForm note = RecordForm.of(department.getId(), today.minusDays(random.nextInt(since)), EventKind.NOTE,
					NOTES[random.nextInt(NOTES.length)]);
			adoption.record(note, strategist);
			events++;
			int checkIn = CHECKED_IN_LATELY.indexOf(department.getName());
			if (checkIn >= 0) {
				adoption.record(RecordForm.of(department.getId(), today.minusDays(4 + 3L * checkIn), EventKind.NOTE,
						CHECK_INS[checkIn % CHECK_INS.length]), strategist);
				events++;
			}
		}
		log.info("Loaded the demo adoption timeline: {} recorded events", events);
	}

	/**
	 * What answered the {@code n}th answered objection: in turn an experiment, a champion, a case
	 * study or nothing named (the first the form offers the department, or else the first of
	 * another kind it offers).
	 */
	private String answeredWith(long departmentId, int n) {
		if (n % 4 == 3) {
			return null;
		}
		Evidence kind = List.of(Evidence.EXPERIMENT, Evidence.CHAMPION, Evidence.CASE_STUDY).get(n % 4);
		Map<Evidence, Map<String, String>> offered = evidence.choices(departmentId, null).groups();
		return Stream.concat(Stream.of(kind), offered.keySet().stream())
			.flatMap(k -> offered.get(k).keySet().stream())
			.findFirst()
			.orElse(null);
	}

	private static int[][] path(int... daysAgoAndStage) {
		int[][] path = new int[daysAgoAndStage.length / 2][];
		for (int i = 0; i < path.length; i++) {
			path[i] = new int[] { daysAgoAndStage[2 * i], daysAgoAndStage[2 * i + 1] };
		}
		return path;
	}

}
