package org.waterhole.casestudy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.champion.ChampionStatus;
import org.waterhole.champion.ChampionsData;
import org.waterhole.experiment.ExperimentsData;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.Platform;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The library starts from its reader: their department's case studies first in a search, cards
 * and filter chips that name departments, snippets that start where a sentence starts, and from
 * a case study on to a champion who can help, or (for the strategist) to an experiment.
 */
@WaterholeTest
class LibraryForTheReaderTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	ChampionsData champions;

	@Autowired
	ExperimentsData experiments;

	@Autowired
	DepartmentService departments;

	/** A new staff member of a new department. */
	private WaterholeUser staff() {
		return (WaterholeUser) data.user(data.account(Role.STAFF));
	}

	private String departmentName(WaterholeUser user) {
		return departments.details(user.getDepartmentId()).name();
	}

	private Document page(String path, RequestPostProcessor who) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(who))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static List<String> resultIds(Document page) {
		return page.select(".search-results .card-title a").eachAttr("href");
	}

	@Test
	void staff_see_their_departments_case_study_above_an_equally_matching_newer_one() throws Exception {
		String word = LibrarySearchTests.word();
		WaterholeUser reader = staff();
		// The same words in both; the other one is newer, so that without the boost it would come first.
		long mine = caseStudies.published("Alpha " + word,
				f -> f.setDepartmentIds(new LinkedHashSet<>(Set.of(reader.getDepartmentId()))));
		long otherDepartment = data.department();
		long other = caseStudies.published("Bravo " + word,
				f -> f.setDepartmentIds(new LinkedHashSet<>(Set.of(otherDepartment))));

		Document page = page("/library/search?q=" + word, user(reader));
		assertThat(resultIds(page)).containsExactly("/library/" + mine, "/library/" + other);
		assertThat(page.select(".own-first").text()).isEqualTo("Results for " + departmentName(reader) + " come first.");

		// Someone of a third department sees them in the order of relevance and date alone.
		assertThat(resultIds(page("/library/search?q=" + word, user(staff()))))
			.containsExactly("/library/" + other, "/library/" + mine);
		// Sorted by date, the sort decides, and the page doesn't claim otherwise.
		Document newest = page("/library/search?sort=NEWEST&q=" + word, user(reader));
		assertThat(resultIds(newest)).containsExactly("/library/" + other, "/library/" + mine);
		assertThat(newest.select(".own-first")).isEmpty();
		// Filtered to another department, theirs can't come first, and the page doesn't say it does;
		// filtered to their own, it still does.
		Document filtered = page("/library/search?q=" + word + "&department=" + otherDepartment, user(reader));
		assertThat(resultIds(filtered)).containsExactly("/library/" + other);
		assertThat(filtered.select(".own-first")).isEmpty();
		Document theirs = page("/library/search?q=" + word + "&department=" + reader.getDepartmentId(),
				user(reader));
		assertThat(resultIds(theirs)).containsExactly("/library/" + mine);
		assertThat(theirs.select(".own-first").text())
			.isEqualTo("Results for " + departmentName(reader) + " come first.");
	}

	@Test
	void result_cards_name_the_departments_a_case_study_suits() throws Exception {
		String word = LibrarySearchTests.word();
		String first = TestData.unique("Zoology");
		String second = TestData.unique("Admissions office");
		long one = data.department(first);
		long two = data.department(second);
		caseStudies.published("Suits two " + word, f -> f.setDepartmentIds(new LinkedHashSet<>(Set.of(one, two))));
		caseStudies.published("Suits everyone " + word);

		Document page = page("/library/search?q=" + word, user(staff()));
		assertThat(page.select(".search-results .card-departments").eachText())
			.containsExactly("Relevant to " + second + ", " + first);
	}

	@Test
	void a_snippet_starts_where_a_sentence_starts_and_a_heading_is_a_sentence_of_its_own() throws Exception {
		String word = LibrarySearchTests.word();
		caseStudies.published("Clean snippet " + word, f -> {
			f.setSummary("Nothing to see in the summary.");
			f.setBody("""
					The first paragraph talks about something else entirely, at some length, so that the \
					match is far from the start. It goes on for another sentence or two. And then one more.

					## What the %s campaign found

					Enquiries doubled within a month.

					- Read [the full guide](https://example.org/guide) before you start
					- Ask **the team** for help
					""".formatted(word));
		});
		Element snippet = page("/library/search?q=" + word, user(staff())).selectFirst(".search-results .snippet");
		assertThat(snippet.html()).startsWith("What the <mark>" + word + "</mark> campaign found. Enquiries doubled");
		assertThat(snippet.text()).contains("Read the full guide before you start. Ask the team for help")
			.doesNotContain("##")
			.doesNotContain("](")
			.doesNotContain("**")
			.doesNotContain("- ");
		assertThat(snippet.select("mark")).hasSize(1);
	}

	@Test
	void a_snippet_of_a_long_body_begins_with_the_sentence_of_the_first_match() throws Exception {
		String word = LibrarySearchTests.word();
		String before = "Words that come before the match, one sentence after another. ".repeat(30);
		caseStudies.published("Long body " + word, f -> {
			f.setSummary("A summary without the word.");
			f.setBody(before + "Then this sentence mentions " + word + " once. " + before);
		});
		Element snippet = page("/library/search?q=" + word, user(staff())).selectFirst(".search-results .snippet");
		assertThat(snippet.html()).startsWith("Then this sentence mentions <mark>" + word + "</mark> once.");
	}

	@Test
	void a_match_deep_in_a_long_sentence_without_punctuation_gives_a_short_snippet() throws Exception {
		String word = LibrarySearchTests.word();
		// A table flattened into one long sentence (500 words), the match in its last cell.
		StringBuilder table = new StringBuilder("| Cell | Value |\n|---|---|\n");
		for (int i = 0; i < 250; i++) {
			table.append("| c").append(i).append(" | ").append(i == 249 ? word : i == 247 ? "R&D" : "plain").append(" |\n");
		}
		caseStudies.published("Flattened table " + word, f -> {
			f.setSummary("A summary without the word.");
			f.setBody(table + "\nAfter the table, more words follow.");
		});
		Element snippet = page("/library/search?q=" + word, user(staff())).selectFirst(".search-results .snippet");
		assertThat(snippet.text()).startsWith("…").contains(word);
		assertThat(snippet.select("mark").eachText()).containsExactly(word);
		assertThat(snippet.html()).contains("R&amp;D");
		assertThat(snippet.text().replace("…", "").strip().split("\\s+")).hasSizeLessThanOrEqualTo(Snippets.WORDS);
		// Only the marks are markup: the rest is escaped.
		assertThat(snippet.select("*").stream().skip(1).map(Element::tagName)).containsOnly("mark");
	}

	@Test
	void filter_chips_name_what_was_chosen_and_each_removes_its_own_value() throws Exception {
		String name = TestData.unique("Chip department");
		long department = data.department(name);
		Document page = page("/library/search?q=video&department=" + department
				+ "&platform=TIKTOK&evidence=RESEARCH_STUDY&year=2024", user(staff()));
		List<String> chips = page.select(".active-filters .remove-filter").eachText();
		assertThat(chips).containsExactlyInAnyOrder("TikTok ×", "Research study ×", name + " ×", "2024 ×");
		Element chip = page.select(".active-filters .remove-filter").stream()
			.filter(a -> a.text().equals(name + " ×"))
			.findFirst()
			.orElseThrow();
		assertThat(chip.attr("href")).doesNotContain("department=").contains("platform=TIKTOK").contains("q=video");
	}

	@Test
	void ask_a_champion_leads_to_champions_on_its_platforms_or_with_its_skills_the_readers_department_first()
			throws Exception {
		WaterholeUser reader = staff();
		String skill = "skill-" + LibrarySearchTests.word();
		long caseStudy = caseStudies.published(TestData.unique("Ask about"), f -> {
			f.setPlatforms(new LinkedHashSet<>(Set.of(Platform.MASTODON)));
			f.setTags(skill + ", open-days");
		});
		long otherDepartment = data.department();
		String mineBySkill = TestData.unique("Zed Mine");
		String otherByPlatform = "Aab " + TestData.unique("Other");
		String otherBySkill = "Aac " + TestData.unique("Other");
		champions.champion(data.person(mineBySkill, reader.getDepartmentId()), ChampionStatus.ACTIVE,
				Set.of(Platform.YOUTUBE), Set.of(skill), false);
		champions.champion(data.person(otherByPlatform, otherDepartment), ChampionStatus.ACTIVE,
				Set.of(Platform.MASTODON), Set.of("photography"), false);
		champions.champion(data.person(otherBySkill, otherDepartment), ChampionStatus.ACTIVE,
				Set.of(Platform.YOUTUBE), Set.of(skill), false);
		String mineUnrelated = TestData.unique("Unrelated");
		champions.champion(data.person(mineUnrelated, reader.getDepartmentId()), ChampionStatus.ACTIVE,
				Set.of(Platform.YOUTUBE), Set.of("photography"), false);

		Element ask = page("/library/" + caseStudy, user(reader)).selectFirst("a.ask-champion");
		assertThat(ask.text()).isEqualTo("Ask a champion about this");
		Document directory = page(ask.attr("href").replace("&amp;", "&"), user(reader));
		List<String> names = directory.select(".champion-card .card-title a").eachText();
		assertThat(names.get(0)).isEqualTo(mineBySkill);
		assertThat(names).contains(otherByPlatform, otherBySkill).doesNotContain(mineUnrelated);
		assertThat(names.indexOf(otherByPlatform)).isLessThan(names.indexOf(otherBySkill));
		// The case study's tags in its order (alphabetical).
		assertThat(directory.select(".why-listed span").text()).isEqualTo("Champions on Mastodon or skilled in "
				+ "open-days or " + skill + ", " + departmentName(reader) + " first");
	}

	@Test
	void the_strategist_tries_a_case_study_as_an_experiment_prefilled_and_linked_once_saved() throws Exception {
		WaterholeUser strategist = (WaterholeUser) data.user(data.account(Role.STRATEGIST));
		String title = TestData.unique("Worth trying");
		long suited = data.department();
		long caseStudy = caseStudies.published(title, f -> {
			f.setPlatforms(new LinkedHashSet<>(Set.of(Platform.INSTAGRAM)));
			f.setDepartmentIds(Set.of(suited));
		});
		// Staff read it without the offer; the strategist has it.
		assertThat(page("/library/" + caseStudy, user(staff())).select("a.try-experiment")).isEmpty();
		Element tryIt = page("/library/" + caseStudy, user(strategist)).selectFirst("a.try-experiment");
		assertThat(tryIt.attr("href")).isEqualTo("/experiments/new?caseStudy=" + caseStudy);

		Document form = page(tryIt.attr("href"), user(strategist));
		assertThat(form.selectFirst("#title").val()).isEqualTo(title);
		assertThat(form.select("input[name=platform][checked], select[name=platform] option[selected]").eachAttr("value"))
			.containsExactly("INSTAGRAM");
		assertThat(form.selectFirst("input[name=inspiredBy]").val()).isEqualTo(String.valueOf(caseStudy));
		// For the one department the case study suits, not the strategist's own.
		assertThat(form.select("select[name=departmentId] option[selected]").eachAttr("value"))
			.containsExactly(String.valueOf(suited));
		assertThat(form.select(".inspired-by a").attr("href")).isEqualTo("/library/" + caseStudy);

		String location = mvc.perform(post("/experiments").with(user(strategist)).with(csrf())
			.param("title", title)
			.param("hypothesis", "If we do what they did, enquiries rise.")
			.param("departmentId", String.valueOf(strategist.getDepartmentId()))
			.param("platform", "INSTAGRAM")
			.param("ownerEmail", strategist.getEmail())
			.param("impact", "5").param("confidence", "5").param("ease", "5")
			.param("metricName", "Enquiries")
			.param("direction", "UP")
			.param("inspiredBy", String.valueOf(caseStudy)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long experiment = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(experiments.service().view(experiment).inspiredBy()).containsOnlyKeys(caseStudy);

		mvc.perform(get("/experiments/new?caseStudy=" + Long.MAX_VALUE).with(user(strategist)))
			.andExpect(status().isNotFound());
	}

}
