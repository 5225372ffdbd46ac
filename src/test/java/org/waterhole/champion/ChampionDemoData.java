package org.waterhole.champion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.OrganizationDemoData;
import org.waterhole.organization.PersonRow;
import org.waterhole.organization.PersonService;
import org.waterhole.shared.Platform;

/**
 * The demo champions: 28 colleagues in twelve departments (four have none yet), most active, a
 * few paused or alumni, with activities over the last two years (a few champions do most), and
 * two volunteers waiting for an answer. Loaded once, after the other demo data.
 */
@Component
@ConditionalOnBooleanProperty("waterhole.demo.enabled")
@Order(ChampionDemoData.ORDER)
class ChampionDemoData implements ApplicationRunner {

	static final int ORDER = OrganizationDemoData.ORDER + 30;

	private static final Logger log = LoggerFactory.getLogger(ChampionDemoData.class);

	/** Departments left without a champion, so the coverage page has gaps to show. */
	private static final Set<String> UNCOVERED = Set.of("Finance", "Estates & Facilities", "Faculty of Medicine",
			"International Office");

	private static final String[] SKILLS = { "video", "captions", "photography", "linkedin-ads", "storytelling",
			"analytics", "live-streaming", "alt-text", "community-management", "copywriting", "design", "podcasting",
			"crisis-comms", "employee-advocacy", "short-form-video" };

	private static final String[] PITCHES = {
			"I run our team's account and I'm happy to show anyone how we plan a month of posts in an hour.",
			"Short video changed how students find us; I can help you film your first one on a phone.",
			"I was sceptical too. Ask me what finally convinced me, and what I'd do differently.",
			"I write alt text and captions for everything we post and can help make yours accessible.",
			"LinkedIn brought us better applicants than job boards; I can help you write a post that works.",
			"I answer messages for our service and can share the saved replies that save us hours.",
			"I like numbers: I can help you see which posts actually lead to sign-ups." };

	/** What champions did, each with the kind it is. */
	static final List<Deed> DEEDS = List.of(new Deed("Showed the team how to schedule a month of posts", ActivityKind.TRAINING),
			new Deed("Ran a lunchtime session on filming with a phone", ActivityKind.TRAINING),
			new Deed("Shared the open-day video with the department list", ActivityKind.SHARED_MESSAGE),
			new Deed("Mentored a colleague through their first LinkedIn post", ActivityKind.MENTORING),
			new Deed("Wrote alt text guidance for the team wiki", ActivityKind.CONTENT),
			new Deed("Hosted a Q&A about what works on Instagram", ActivityKind.EVENT),
			new Deed("Posted the research highlight from our team", ActivityKind.CONTENT),
			new Deed("Helped a new staff member set up the department account", ActivityKind.MENTORING),
			new Deed("Spoke at the faculty meeting about our results", ActivityKind.EVENT),
			new Deed("Shared the case study on staff recruitment with managers", ActivityKind.SHARED_MESSAGE));

	/** A demo activity's description and the kind that fits it. */
	record Deed(String description, ActivityKind kind) {
	}

	private final ChampionService champions;

	private final Volunteering volunteering;

	private final ChampionRepository repository;

	private final PersonService people;

	private final Clock clock;

	ChampionDemoData(ChampionService champions, Volunteering volunteering, ChampionRepository repository,
			PersonService people, Clock clock) {
		this.champions = champions;
		this.volunteering = volunteering;
		this.repository = repository;
		this.people = people;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (repository.count() > 0) {
			return;
		}
		Random random = new Random(7);
		LocalDate today = LocalDate.now(clock);
		List<PersonRow> candidates = new ArrayList<>(people.page(null, null, Pageable.unpaged())
			.getContent()
			.stream()
			.filter(p -> p.getDepartmentName() != null && !UNCOVERED.contains(p.getDepartmentName()))
			.filter(p -> !p.getEmail().endsWith("@demo.waterhole") || p.getEmail().equals(OrganizationDemoData.STRATEGIST_EMAIL))
			.sorted(Comparator.comparing(PersonRow::getId))
			.toList());
		java.util.Collections.shuffle(candidates, random);
		List<PersonRow> chosen = candidates.subList(0, 30);
		int activities = 0;
		for (int i = 0; i < 28; i++) {
			PersonRow person = chosen.get(i);
			ChampionStatus status = i < 22 ? ChampionStatus.ACTIVE : i < 26 ? ChampionStatus.PAUSED : ChampionStatus.ALUMNI;
			LocalDate since = today.minusDays(60 + random.nextInt(900));
			long id = champions.create(person.getId(), since, status, new Champion.Profile(platforms(random),
					skills(random), PITCHES[i % PITCHES.length], random.nextBoolean()));
			// A few champions do most of the work: the first ones log many activities, the rest few.
			int count = i < 4 ? 25 + random.nextInt(20) : status == ChampionStatus.ACTIVE ? 2 + random.nextInt(10) : 1 + random.nextInt(4);
			for (int a = 0; a < count; a++) {
				LocalDate on = today.minusDays(random.nextInt(730));
				if (on.isBefore(since)) {
					on = since.plusDays(random.nextInt(30));
				}
				if (on.isAfter(today)) {
					on = today;
				}
				ActivityForm form = new ActivityForm();
				form.setOccurredOn(on);
				Deed deed = DEEDS.get(random.nextInt(DEEDS.size()));
				form.setKind(deed.kind());
				form.setDescription(deed.description());
				form.setReach(random.nextBoolean() ? 10 + random.nextInt(400) : null);
				champions.logActivity(id, form, person.getId());
				activities++;
			}
		}
		for (PersonRow person : chosen.subList(28, 30)) {
			VolunteerForm offer = new VolunteerForm();
			offer.setPitch("I post for our team already and would like to help colleagues start.");
			offer.setPlatforms(new LinkedHashSet<>(platforms(random)));
			offer.setSkills(String.join(", ", skills(random)));
			offer.setOpenToMentoring(true);
			volunteering.volunteer(person.getId(), offer);
		}
		log.info("Loaded the demo champions: 28 champions, {} activities, 2 volunteers waiting", activities);
	}

	private static Set<Platform> platforms(Random random) {
		Set<Platform> platforms = new LinkedHashSet<>();
		int count = 1 + random.nextInt(3);
		while (platforms.size() < count) {
			platforms.add(Platform.values()[random.nextInt(Platform.values().length)]);
		}
		return platforms;
	}

	private static Set<String> skills(Random random) {
		Set<String> skills = new LinkedHashSet<>();
		int count = 1 + random.nextInt(4);
		while (skills.size() < count) {
			skills.add(SKILLS[random.nextInt(SKILLS.length)]);
		}
		return skills;
	}

}
