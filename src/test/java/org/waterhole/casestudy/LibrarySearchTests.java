package org.waterhole.casestudy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.organization.Role;
import org.waterhole.shared.Platform;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Full-text search over real PostgreSQL. Each test searches for a made-up word only its own case
 * studies contain, so the demo library and other tests' rows don't get in the way.
 */
@WaterholeTest
class LibrarySearchTests {

	@Autowired
	Library library;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	TestData data;

	@Autowired
	MockMvc mvc;

	@Autowired
	Readings readings;

	@Autowired
	JdbcClient jdbc;

	static String word() {
		return "zq" + TestData.unique("").strip() + "x";
	}

	private List<Long> ids(SearchForm form) {
		return library.search(form, PageRequest.of(0, 50)).page().getContent().stream().map(CaseStudyCard::id).toList();
	}

	private static SearchForm query(String q) {
		SearchForm form = new SearchForm();
		form.setQ(q);
		return form;
	}

	@Test
	void a_title_match_ranks_above_a_body_match() {
		String word = word();
		// The title match is the older one, so that "newest first" can't be what puts it on top.
		long inTitle = caseStudies.published("About " + word, f -> {
			f.setSummary("A summary without the word.");
			f.setBody("Nothing special here.");
		});
		long inBody = caseStudies.published("Body only", f -> {
			f.setSummary("A summary without the word.");
			f.setBody("The text mentions " + word + " once.");
		});
		assertThat(ids(query(word))).containsExactly(inTitle, inBody);
	}

	@Test
	void words_are_stemmed_so_recruiting_finds_recruitment() {
		String word = word();
		long id = caseStudies.published("Open days " + word,
				f -> f.setBody("Student recruitment grew after the campaign."));
		assertThat(ids(query("recruiting " + word))).containsExactly(id);
	}

	@Test
	void snippets_highlight_the_matched_words_and_escape_everything_else() {
		String word = word();
		caseStudies.published("Snippet " + word,
				f -> f.setBody("Before <b>bold</b> and \"quoted\" " + word + " after the match, & more words to follow."));
		CaseStudyCard card = library.search(query(word), PageRequest.of(0, 10)).page().getContent().get(0);
		assertThat(card.snippetHtml()).contains("<mark>" + word + "</mark>")
			.contains("&amp; more")
			.contains("&quot;quoted&quot;")
			.doesNotContain("<b>");
	}

	@Test
	void a_match_past_the_start_of_a_long_text_is_marked_in_its_snippet() {
		String word = word();
		String filler = "Plain sentence number %d says nothing in particular here. ";
		StringBuilder body = new StringBuilder();
		for (int i = 0; body.length() < 4 * Library.SNIPPET_WINDOW; i++) {
			body.append(filler.formatted(i));
		}
		long deep = caseStudies.published("Deep match", f -> f.setBody(body + "At last the " + word + " appears."));
		long early = caseStudies.published("Early match", f -> f.setBody("The " + word + " first. " + body));
		long middle = caseStudies.published("Middle match",
				f -> f.setBody(body + "In the middle the " + word + " sits. " + body + " Again the " + word + "."));
		// A match with words so long after it that the snippet runs past the window around it.
		String lead = body.substring(0, 2 * Library.SNIPPET_WINDOW);
		String longWords = "Interdepartmentalisation ".repeat(60);
		long longAfter = caseStudies.published("Long words", f -> f.setBody(lead + " Then " + word + " " + longWords));
		List<CaseStudyCard> cards = library.search(query(word), PageRequest.of(0, 10)).page().getContent();
		assertThat(cards).extracting(CaseStudyCard::id).containsExactlyInAnyOrder(deep, early, middle, longAfter);
		assertThat(cards).allSatisfy(card -> assertThat(card.snippetHtml()).contains("<mark>" + word + "</mark>"));
		assertThat(snippet(cards, deep)).contains("At last the <mark>" + word + "</mark> appears.");
		assertThat(snippet(cards, early)).contains("The <mark>" + word + "</mark> first.");
		assertThat(snippet(cards, middle)).startsWith("In the middle the <mark>" + word + "</mark> sits.")
			.doesNotContain("Again");
		assertThat(snippet(cards, longAfter)).contains("Then <mark>" + word + "</mark> Interdepartmentalisation")
			.endsWith("Interdepartmentalisation &hellip;");
		assertThat(Snippets.WORDS).isLessThan(60);
	}

	@Test
	void the_snippet_of_an_edited_case_study_comes_from_its_new_text() {
		String word = word();
		String filler = "Plain sentence number %d says nothing in particular here. ";
		StringBuilder body = new StringBuilder();
		for (int i = 0; body.length() < 4 * Library.SNIPPET_WINDOW; i++) {
			body.append(filler.formatted(i));
		}
		long id = caseStudies.published("Edited", f -> f.setBody("The " + word + " first. " + body));
		CaseStudyForm form = caseStudies.service().form(id);
		form.setBody(body + "Now the " + word + " comes last.");
		caseStudies.service().update(id, form);
		// Where the word first appears is kept with the text (else the window falls back to the whole text).
		assertThat(jdbc.sql("""
				select cast(sw.first_at ->> :word as integer) = strpos(cs.snippet_text, :word) - 1
				from case_study cs join case_study_snippet_word sw on sw.case_study_id = cs.id where cs.id = :id
				""").param("word", word).param("id", id).query(Boolean.class).single()).isTrue();
		assertThat(library.search(query(word), PageRequest.of(0, 10)).page().getContent())
			.singleElement()
			.satisfies(card -> assertThat(card.snippetHtml()).isEqualTo("Now the <mark>" + word + "</mark> comes last."));
	}

	@Test
	void a_case_study_whose_title_alone_matches_shows_the_start_of_its_text() {
		String word = word();
		long id = caseStudies.published("Title " + word,
				f -> {
					f.setSummary("Nothing else matches. " + "Plain words go on and on here. ".repeat(25));
					f.setBody("More plain words. ".repeat(100));
				});
		assertThat(library.search(query(word), PageRequest.of(0, 10)).page().getContent())
			.singleElement()
			.satisfies(card -> assertThat(card.snippetHtml()).startsWith("Nothing else matches."));
		assertThat(id).isPositive();
	}

	private static String snippet(List<CaseStudyCard> cards, long id) {
		return cards.stream().filter(card -> card.id() == id).findFirst().orElseThrow().snippetHtml();
	}

	@Test
	void phrases_and_excluded_words_are_searched_as_typed() {
		String word = word();
		long together = caseStudies.published("Phrase " + word, f -> f.setBody("The open day " + word + " went well."));
		long apart = caseStudies.published("Apart " + word, f -> f.setBody("Day after day the doors were open " + word + "."));
		assertThat(ids(query("\"open day\" " + word))).containsExactly(together);
		assertThat(ids(query("open day " + word))).containsExactlyInAnyOrder(together, apart);
		assertThat(ids(query(word + " -doors"))).containsExactly(together);
		// "OR" binds looser than the others: the word, or the other two without doors.
		assertThat(ids(query(word + " or zzqnothing -doors"))).containsExactlyInAnyOrder(together, apart);
		assertThat(ids(query("doors or " + word + " -well"))).containsExactly(apart);
	}

	@Test
	void filters_combine_across_kinds_and_within_a_kind_any_value_matches() {
		String word = word();
		long department = data.department();
		long match = caseStudies.published("Match " + word, f -> {
			f.setPlatforms(new java.util.LinkedHashSet<>(Set.of(Platform.TIKTOK)));
			f.setTags("video, open-days");
			f.setDepartmentIds(new java.util.LinkedHashSet<>(Set.of(department)));
			f.setEvidenceType(EvidenceType.RESEARCH_STUDY);
			f.setPublishedOn(java.time.LocalDate.of(2023, 6, 1));
		});
		long otherPlatform = caseStudies.published("Other platform " + word, f -> {
			f.setPlatforms(new java.util.LinkedHashSet<>(Set.of(Platform.YOUTUBE)));
			f.setTags("video");
			f.setDepartmentIds(new java.util.LinkedHashSet<>(Set.of(department)));
			f.setEvidenceType(EvidenceType.RESEARCH_STUDY);
			f.setPublishedOn(java.time.LocalDate.of(2023, 6, 1));
		});
		caseStudies.published("Other year " + word, f -> {
			f.setPlatforms(new java.util.LinkedHashSet<>(Set.of(Platform.TIKTOK)));
			f.setTags("video");
			f.setDepartmentIds(new java.util.LinkedHashSet<>(Set.of(department)));
			f.setEvidenceType(EvidenceType.RESEARCH_STUDY);
			f.setPublishedOn(java.time.LocalDate.of(2021, 6, 1));
		});

		SearchForm form = query(word);
		form.setPlatform(List.of("TIKTOK", "MYSPACE"));
		form.setTag(List.of("Video"));
		form.setDepartment(department);
		form.setEvidence(List.of("RESEARCH_STUDY"));
		form.setYear(2023);
		assertThat(ids(form)).containsExactly(match);

		form.setPlatform(List.of("TIKTOK", "YOUTUBE"));
		assertThat(ids(form)).containsExactlyInAnyOrder(match, otherPlatform);

		form.setEvidence(List.of("NEWS_ARTICLE"));
		assertThat(ids(form)).isEmpty();
	}

	@Test
	void a_repeated_search_shows_helpful_marks_and_changed_case_studies_at_once() {
		String word = word();
		long first = caseStudies.published("Kept " + word);
		assertThat(ids(query(word))).containsExactly(first);

		// A helpful mark shows on the repeated search at once.
		readings.markHelpful(first, data.person(null), null, true, TestClock.now());
		assertThat(library.search(query(word), PageRequest.of(0, 50)).page().getContent())
			.extracting(CaseStudyCard::helpfulCount)
			.containsExactly(1);

		// So do a case study published and one archived.
		long second = caseStudies.published("Also " + word);
		assertThat(ids(query(word))).containsExactlyInAnyOrder(first, second);
		CaseStudyForm form = caseStudies.service().form(second);
		caseStudies.service().archive(second, form.getVersion());
		assertThat(ids(query(word))).containsExactly(first);
	}

	@Test
	void results_are_paginated_with_a_total() {
		String word = word();
		for (int i = 0; i < 12; i++) {
			caseStudies.published("Paged " + i + " " + word);
		}
		var first = library.search(query(word), PageRequest.of(0, 10)).page();
		var second = library.search(query(word), PageRequest.of(1, 10)).page();
		assertThat(first.getTotalElements()).isEqualTo(12);
		assertThat(first.getContent()).hasSize(10);
		assertThat(second.getContent()).hasSize(2);
		assertThat(second.getContent()).extracting(CaseStudyCard::id)
			.doesNotContainAnyElementsOf(first.getContent().stream().map(CaseStudyCard::id).toList());
	}

	@Test
	void sorting_by_newest_and_by_helpful_marks() throws Exception {
		String word = word();
		Instant now = TestClock.now();
		// Ids grow with creation; publication dates are set against that order.
		long older = caseStudies.publishedAt("Older " + word, now.minus(Duration.ofDays(10)));
		long newer = caseStudies.publishedAt("Newer " + word, now.minus(Duration.ofDays(20)).plus(Duration.ofDays(15)));
		long oldest = caseStudies.publishedAt("Oldest " + word, now.minus(Duration.ofDays(30)));
		readings.markHelpful(oldest, data.person(null), null, true, now);
		readings.markHelpful(oldest, data.person(null), null, true, now);
		readings.markHelpful(older, data.person(null), null, true, now);

		SearchForm form = query(word);
		form.setSort(SearchForm.Sort.NEWEST);
		assertThat(ids(form)).containsExactly(newer, older, oldest);
		form.setSort(SearchForm.Sort.HELPFUL);
		assertThat(ids(form)).containsExactly(oldest, older, newer);
	}

	@Test
	void odd_queries_never_fail() throws Exception {
		caseStudies.published("Odd query guard " + word());
		for (String q : List.of("\"unclosed phrase", "-", "OR", "OR OR", "- - -", "!!!", "a & b | c", "(", ")",
				":*", "'; drop table case_study; --", "<script>alert(1)</script>", "\\", "the", "\"\"",
				"x".repeat(2_000), "ünïcödé 日本語 😀", "\u0000", "recruit* OR \"open day\" -ads")) {
			mvc.perform(get("/library/search").param("q", q).with(data.as(Role.STAFF)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("<script>alert(1)"))));
		}
		mvc.perform(get("/library/search").param("platform", "MYSPACE")
			.param("evidence", "RUMOUR")
			.param("year", "last")
			.param("department", "x")
			.param("sort", "RANDOM")
			.param("page", "-1")
			.with(data.as(Role.STAFF))).andExpect(status().isOk());
	}

	@Test
	void a_search_of_only_common_words_says_so() throws Exception {
		mvc.perform(get("/library/search").param("q", "the and of").with(data.as(Role.STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("too common to search for")));
	}

	@Test
	void no_results_suggest_removing_filters() throws Exception {
		String word = word();
		caseStudies.published("Filtered away " + word, f -> f.setPlatforms(new java.util.LinkedHashSet<>(Set.of(Platform.X))));
		mvc.perform(get("/library/search").param("q", word).param("platform", "MASTODON").with(data.as(Role.STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No case study matches this search")))
			.andExpect(content().string(containsString("Keep the words, drop the filters")))
			.andExpect(content().string(containsString("href=\"/library/search?q=" + word + "\"")));
	}

	@Test
	void drafts_are_left_out_of_related_recommended_helpful_tags_and_years() {
		String word = word();
		long department = data.department();
		long published = caseStudies.published("Published " + word, f -> {
			f.setTags(word + "-shared");
			f.setDepartmentIds(new java.util.LinkedHashSet<>(Set.of(department)));
		});
		long draft = caseStudies.draft("Draft " + word, f -> {
			f.setTags(word + "-shared, " + word + "-draftonly");
			f.setDepartmentIds(new java.util.LinkedHashSet<>(Set.of(department)));
			f.setPublishedOn(java.time.LocalDate.of(1901, 1, 1));
		});
		long person = data.person(null);
		assertThat(library.related(published, 10)).extracting(CaseStudyCard::id).doesNotContain(draft);
		assertThat(library.recommended(department, person)).extracting(CaseStudyCard::id)
			.contains(published)
			.doesNotContain(draft);
		assertThat(library.mostHelpful()).extracting(CaseStudyCard::id).doesNotContain(draft);
		assertThat(library.popularTags(10_000)).doesNotContain(word + "-draftonly");
		assertThat(library.years()).doesNotContain(1901);
	}

	@Test
	void recommendations_are_for_the_readers_department_unread_first() {
		String word = word();
		long mine = data.department();
		long other = data.department();
		long person = data.person(mine);
		long read = caseStudies.published("Read " + word,
				f -> f.setDepartmentIds(new java.util.LinkedHashSet<>(Set.of(mine))));
		long unread = caseStudies.publishedAt("Unread " + word, TestClock.now().minus(Duration.ofDays(400)),
				f -> f.setDepartmentIds(new java.util.LinkedHashSet<>(Set.of(mine))));
		long elsewhere = caseStudies.published("Elsewhere " + word,
				f -> f.setDepartmentIds(new java.util.LinkedHashSet<>(Set.of(other))));
		readings.record(read, person, mine, TestClock.now());
		assertThat(library.recommended(mine, person)).extracting(CaseStudyCard::id)
			.containsExactly(unread, read)
			.doesNotContain(elsewhere);
	}

	@Test
	void drafts_and_archived_case_studies_never_reach_staff() throws Exception {
		String word = word();
		long draft = caseStudies.draft("Draft " + word, f -> {
		});
		long archived = caseStudies.published("Archived " + word);
		CaseStudyForm form = caseStudies.service().form(archived);
		caseStudies.service().archive(archived, form.getVersion());

		assertThat(ids(query(word))).isEmpty();
		assertThat(library.recentlyPublished()).extracting(CaseStudyCard::id).doesNotContain(draft, archived);
		mvc.perform(get("/library/{id}", draft).with(data.as(Role.STAFF))).andExpect(status().isNotFound());
		mvc.perform(get("/library/{id}", archived).with(data.as(Role.MANAGER))).andExpect(status().isNotFound());
		mvc.perform(get("/library/{id}", draft).with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This is a draft")));
	}

}
