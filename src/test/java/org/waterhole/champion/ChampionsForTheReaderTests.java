package org.waterhole.champion;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.Platform;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The champion pages from their reader's side: a card's activity figure names its window and is
 * the profile's; a volunteer sees the offer they sent instead of a second form, and can take it
 * back; the demo activities are of the kind their descriptions say.
 */
@WaterholeTest
class ChampionsForTheReaderTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ChampionsData champions;

	@Autowired
	Volunteering volunteering;

	@Autowired
	DepartmentService departments;

	@Autowired
	JdbcClient jdbc;

	private Document page(String path, RequestPostProcessor who) throws Exception {
		return page(get(path), who);
	}

	private Document page(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
		return Jsoup.parse(mvc.perform(request.with(who))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void the_cards_activity_figure_names_its_window_and_equals_the_profiles() throws Exception {
		String name = TestData.unique("Busy champion");
		long recorder = data.person(null);
		long champion = champions.champion(data.person(name, data.department()), TestClock.today().minusYears(1));
		LocalDate today = TestClock.today();
		// The window is today and the 89 days before: three in it, two before it.
		for (int daysAgo : new int[] { 0, 30, Directory.RECENT_DAYS - 1, Directory.RECENT_DAYS, 200 }) {
			champions.activity(champion, today.minusDays(daysAgo), recorder);
		}
		RequestPostProcessor staff = user(data.user(Role.STAFF));

		Element card = page(get("/champions").param("q", name), staff).selectFirst(".champion-card");
		assertThat(card.select(".card-title").text()).isEqualTo(name);
		String profile = page("/champions/" + champion, staff).select(".recent-activities").text();
		assertThat(profile).isEqualTo("3 activities in the last 90 days");
		assertThat(card.text()).contains(profile);
	}

	@Test
	void after_offering_the_page_shows_what_was_sent_and_no_second_form_until_it_is_withdrawn() throws Exception {
		WaterholeUser volunteer = (WaterholeUser) data.user(data.account(Role.STAFF));
		String department = departments.details(volunteer.getDepartmentId()).name();
		Document empty = page("/champions/volunteer", user(volunteer));
		assertThat(empty.select("form textarea[name=pitch]")).hasSize(1);
		assertThat(empty.select(".waiting-offer")).isEmpty();

		mvc.perform(post("/champions/volunteer").with(user(volunteer)).with(csrf())
			.param("pitch", "I film our lab's short videos.")
			.param("platforms", "TIKTOK", "YOUTUBE")
			.param("skills", "Short form video, captions")
			.param("openToMentoring", "true"))
			.andExpect(redirectedUrl("/champions/volunteer"));

		Document sent = page("/champions/volunteer", user(volunteer));
		Element waiting = sent.selectFirst(".waiting-offer");
		assertThat(waiting.select(".sent-pitch").text()).isEqualTo("I film our lab's short videos.");
		assertThat(waiting.select(".sent-platforms .badge").eachText()).containsExactly("YouTube", "TikTok");
		assertThat(waiting.select(".sent-skills").text()).isEqualTo("captions, short-form-video");
		assertThat(waiting.text()).contains(") for " + department + ".")
			.contains("the strategist accepts or declines your offer");
		assertThat(waiting.selectFirst("time").attr("datetime")).startsWith(String.valueOf(TestClock.today().getYear()));
		assertThat(sent.select("form textarea[name=pitch]")).as("no second offer invited").isEmpty();
		// A form sent anyway (from an old tab) with a mistake comes back saying what is wrong.
		Document refusedForm = Jsoup.parse(mvc.perform(post("/champions/volunteer").with(user(volunteer)).with(csrf())
			.param("pitch", " ")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(refusedForm.select("textarea[name=pitch].is-invalid")).hasSize(1);

		// Someone else withdrawing withdraws only their own (none): this one still waits.
		mvc.perform(post("/champions/volunteer/withdraw").with(user(data.user(Role.STAFF))).with(csrf()))
			.andExpect(redirectedUrl("/champions/volunteer"));
		assertThat(volunteering.requestsOf(volunteer.getPersonId())).singleElement()
			.satisfies(r -> assertThat(r.pending()).isTrue());
		assertThat(waiting.select("form").attr("action")).isEqualTo("/champions/volunteer/withdraw");
		MvcResult withdrawn = mvc.perform(post("/champions/volunteer/withdraw").with(user(volunteer)).with(csrf()))
			.andExpect(redirectedUrl("/champions/volunteer"))
			.andReturn();
		assertThat(ChampionPages.flashCode(withdrawn)).isEqualTo("volunteer.withdrawn");
		assertThat(volunteering.requestsOf(volunteer.getPersonId())).isEmpty();
		assertThat(page("/champions/volunteer", user(volunteer)).select("form textarea[name=pitch]")).hasSize(1);
	}

	@Test
	void an_answered_offer_is_not_withdrawn() throws Exception {
		WaterholeUser volunteer = (WaterholeUser) data.user(data.account(Role.STAFF));
		VolunteerForm offer = new VolunteerForm();
		offer.setPitch("I can help.");
		offer.setPlatforms(new LinkedHashSet<>(Set.of(Platform.LINKEDIN)));
		long request = volunteering.volunteer(volunteer.getPersonId(), offer);
		volunteering.decline(request, "Not this term.", data.person(null));
		MvcResult refused = mvc.perform(post("/champions/volunteer/withdraw").with(user(volunteer)).with(csrf()))
			.andExpect(redirectedUrl("/champions/volunteer"))
			.andReturn();
		assertThat(ChampionPages.flashCode(refused)).isEqualTo("volunteer.nothingToWithdraw");
		assertThat(volunteering.requestsOf(volunteer.getPersonId())).singleElement()
			.satisfies(r -> assertThat(r.status()).isEqualTo(RequestStatus.DECLINED));
	}

	@Test
	void every_demo_activity_is_of_the_kind_its_description_says() {
		Map<String, ActivityKind> expected = ChampionDemoData.DEEDS.stream()
			.collect(Collectors.toMap(ChampionDemoData.Deed::description, ChampionDemoData.Deed::kind));
		Map<String, Set<String>> found = new java.util.HashMap<>();
		jdbc.sql("select distinct description, kind from champion_activity where description in (:descriptions)")
			.param("descriptions", expected.keySet())
			.query((rs, n) -> found.computeIfAbsent(rs.getString("description"), d -> new java.util.TreeSet<>())
				.add(rs.getString("kind")))
			.list();
		assertThat(found).as("demo activities loaded").isNotEmpty();
		found.forEach((description, kinds) -> assertThat(kinds).as(description)
			.containsExactly(expected.get(description).name()));
	}

}
