package org.waterhole.champion;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.champion.VolunteerRequest.AlreadyDecidedException;
import org.waterhole.champion.Volunteering.AlreadyChampionException;
import org.waterhole.champion.Volunteering.AlreadyPendingException;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.Platform;
import org.waterhole.support.Overlap;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WaterholeTest
class VolunteeringTests {

	@Autowired
	Volunteering volunteering;

	@Autowired
	ChampionService champions;

	@Autowired
	Directory directory;

	@Autowired
	ChampionsData data2;

	@Autowired
	TestData data;

	@Autowired
	MockMvc mvc;

	@Autowired
	Overlap overlap;

	static VolunteerForm offer() {
		VolunteerForm form = new VolunteerForm();
		form.setPitch("I post for our team already.");
		form.setPlatforms(new LinkedHashSet<>(Set.of(Platform.INSTAGRAM)));
		form.setSkills("Video, captions");
		form.setOpenToMentoring(true);
		return form;
	}

	@Test
	void a_volunteer_is_declined_with_a_reason_then_offers_again_and_is_accepted() {
		long person = data.person(data.department());
		long strategist = data.person(null);
		long first = volunteering.volunteer(person, offer());
		assertThatThrownBy(() -> volunteering.volunteer(person, offer())).isInstanceOf(AlreadyPendingException.class);

		volunteering.decline(first, "Let's talk after the busy season.", strategist);
		assertThat(volunteering.requestsOf(person)).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(RequestStatus.DECLINED);
			assertThat(r.declineReason()).isEqualTo("Let's talk after the busy season.");
		});
		assertThatThrownBy(() -> volunteering.accept(first, strategist)).isInstanceOf(AlreadyDecidedException.class);

		long second = volunteering.volunteer(person, offer());
		Volunteering.Acceptance acceptance = volunteering.accept(second, strategist);
		assertThat(acceptance.wasChampionAlready()).isFalse();
		ChampionView view = champions.view(acceptance.championId());
		assertThat(view.personId()).isEqualTo(person);
		assertThat(view.status()).isEqualTo(ChampionStatus.ACTIVE);
		assertThat(view.platforms()).containsExactly(Platform.INSTAGRAM);
		assertThat(view.skills()).containsExactly("captions", "video");
		assertThat(view.openToMentoring()).isTrue();
		assertThat(volunteering.requestsOf(person)).extracting(Volunteering.OwnRequest::status)
			.containsExactly(RequestStatus.ACCEPTED, RequestStatus.DECLINED);

		assertThatThrownBy(() -> volunteering.volunteer(person, offer())).isInstanceOf(AlreadyChampionException.class);
	}

	/** The strategist sees whom an offer is from: their name and their department now. */
	@Test
	void an_offer_shows_the_volunteers_department() throws Exception {
		String department = TestData.unique("Volunteers' department");
		String name = TestData.unique("Volunteer from a department");
		long request = volunteering.volunteer(data.person(name, data.department(department)), offer());
		String homeless = TestData.unique("Volunteer in no department");
		volunteering.volunteer(data.person(homeless, null), offer());

		assertThat(directory.pending()).filteredOn(p -> p.id() == request)
			.singleElement()
			.returns(name, Directory.PendingRequest::name)
			.returns(department, Directory.PendingRequest::departmentName);
		Document page = Jsoup.parse(mvc.perform(get("/champions/requests").with(data.as(Role.STRATEGIST)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("article:has(h2:containsOwn(" + name + ")) .request-department").text())
			.isEqualTo(department);
		assertThat(page.select("article:has(h2:containsOwn(" + homeless + ")) .request-department").text())
			.isEqualTo("In no department");
	}

	@Test
	void accepting_someone_who_became_a_champion_meanwhile_closes_the_offer_and_keeps_their_record() throws Exception {
		long person = data.person(null);
		long request = volunteering.volunteer(person, offer());
		long champion = data2.champion(person);
		RequestPostProcessor strategist = data.as(Role.STRATEGIST);

		MvcResult result = mvc.perform(post("/champions/requests/{id}/accept", request).with(csrf()).with(strategist))
			.andExpect(redirectedUrl("/champions/" + champion))
			.andReturn();
		assertThat(ChampionPages.flashCode(result)).isEqualTo("volunteer.acceptedAlreadyChampion");
		assertThat(ChampionPages.followed(mvc, result, strategist)).contains("They became a champion meanwhile");

		assertThat(volunteering.requestsOf(person)).singleElement()
			.satisfies(r -> assertThat(r.status()).isEqualTo(RequestStatus.ACCEPTED));
		assertThat(directory.pending()).noneMatch(p -> p.id() == request);
		// Their record is as it was: the offer's Instagram didn't replace the record's LinkedIn.
		assertThat(champions.view(champion).platforms()).containsExactly(Platform.LINKEDIN);
		assertThat(champions.championOf(person)).contains(champion);
	}

	@Test
	void volunteering_twice_through_the_page_is_refused_politely() throws Exception {
		WaterholeUser staff = (WaterholeUser) data.user(Role.STAFF);
		MvcResult first = offerOnThePage(staff, "I can help", "TIKTOK").andExpect(redirectedUrl("/champions/volunteer"))
			.andReturn();
		assertThat(ChampionPages.flashCode(first)).isEqualTo("volunteer.sent");
		MvcResult again = offerOnThePage(staff, "Again").andExpect(redirectedUrl("/champions/volunteer")).andReturn();
		assertThat(ChampionPages.flashCode(again)).isEqualTo("volunteer.alreadyPending");
		assertThat(ChampionPages.followed(mvc, again, user(staff)))
			.contains("Your earlier offer is still waiting for an answer, so there is no need to send another.");
		assertThat(volunteering.requestsOf(staff.getPersonId())).hasSize(1);
		mvc.perform(get("/champions/volunteer").with(user(staff)))
			.andExpect(content().string(containsString("Waiting for an answer")));
	}

	@Test
	void a_forged_platform_is_refused_with_a_message_and_nothing_is_sent() throws Exception {
		WaterholeUser staff = (WaterholeUser) data.user(Role.STAFF);
		MvcResult result = offerOnThePage(staff, "I can help", "NOPE").andExpect(status().isOk()).andReturn();
		assertThat(ChampionPages.body(result)).contains("Choose platforms from the list.").contains("I can help");
		assertThat(volunteering.requestsOf(staff.getPersonId())).isEmpty();
	}

	@Test
	void the_strategist_declines_on_the_page_and_a_missing_reason_is_asked_for() throws Exception {
		long person = data.person(null);
		long request = volunteering.volunteer(person, offer());
		mvc.perform(post("/champions/requests/{id}/decline", request).param("reason", " ")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter a value.")));
		assertThat(volunteering.requestsOf(person)).singleElement()
			.satisfies(r -> assertThat(r.status()).isEqualTo(RequestStatus.PENDING));

		MvcResult result = mvc.perform(post("/champions/requests/{id}/decline", request).param("reason", "Not this term")
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(redirectedUrl("/champions/requests")).andReturn();
		assertThat(ChampionPages.flashCode(result)).isEqualTo("volunteer.declined");
		assertThat(volunteering.requestsOf(person)).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(RequestStatus.DECLINED);
			assertThat(r.declineReason()).isEqualTo("Not this term");
		});
		assertThat(directory.pending()).noneMatch(p -> p.id() == request);
		assertThat(champions.championOf(person)).isEmpty();
	}

	@Test
	void declining_an_offer_answered_meanwhile_says_so_even_without_a_reason() throws Exception {
		long request = volunteering.volunteer(data.person(null), offer());
		volunteering.accept(request, data.person(null));
		// Before, the list came back with the missing reason's error on an offer no longer in it.
		MvcResult result = mvc.perform(post("/champions/requests/{id}/decline", request).param("reason", "")
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(redirectedUrl("/champions/requests")).andReturn();
		assertThat(ChampionPages.flashCode(result)).isEqualTo("volunteer.alreadyDecided");
	}

	@Test
	void declining_an_unknown_offer_is_a_404_even_without_a_reason() throws Exception {
		mvc.perform(post("/champions/requests/{id}/decline", Long.MAX_VALUE).param("reason", "")
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(status().isNotFound());
	}

	@Test
	void a_decline_while_the_offer_is_being_accepted_waits_and_is_told_it_was_answered() throws Exception {
		long person = data.person(null);
		long request = volunteering.volunteer(person, offer());
		long strategist = data.person(null);
		RequestPostProcessor signedIn = data.as(Role.STRATEGIST);

		Overlap.Outcome<MvcResult> outcome = overlap.run(() -> volunteering.accept(request, strategist),
				() -> mvc.perform(post("/champions/requests/{id}/decline", request).param("reason", "Not now")
					.with(csrf())
					.with(signedIn)).andReturn());

		assertThat(outcome.thrown()).isNull();
		assertThat(outcome.waited()).as("the decline waited for the accept to commit").isTrue();
		assertThat(outcome.value().getResponse().getRedirectedUrl()).isEqualTo("/champions/requests");
		assertThat(ChampionPages.flashCode(outcome.value())).isEqualTo("volunteer.alreadyDecided");
		assertThat(ChampionPages.followed(mvc, outcome.value(), signedIn)).contains("This offer was answered already.");
		assertThat(volunteering.requestsOf(person)).singleElement()
			.satisfies(r -> assertThat(r.status()).isEqualTo(RequestStatus.ACCEPTED));
		assertThat(champions.championOf(person)).isPresent();
	}

	@Test
	void an_accept_while_the_offer_is_being_declined_waits_and_creates_no_champion() throws Exception {
		long person = data.person(null);
		long request = volunteering.volunteer(person, offer());
		long strategist = data.person(null);

		Overlap.Outcome<Volunteering.Acceptance> outcome = overlap.run(
				() -> volunteering.decline(request, "Not this term", strategist),
				() -> volunteering.accept(request, strategist));

		assertThat(outcome.waited()).isTrue();
		assertThat(outcome.thrown()).isInstanceOf(AlreadyDecidedException.class);
		assertThat(volunteering.requestsOf(person)).singleElement()
			.satisfies(r -> assertThat(r.status()).isEqualTo(RequestStatus.DECLINED));
		assertThat(champions.championOf(person)).isEmpty();
	}

	private ResultActions offerOnThePage(WaterholeUser staff, String pitch, String... platforms) throws Exception {
		var request = post("/champions/volunteer").param("pitch", pitch).with(csrf()).with(user(staff));
		return mvc.perform(platforms.length == 0 ? request : request.param("platforms", platforms));
	}

}
