package org.waterhole.champion;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.champion.VolunteerRequest.AlreadyDecidedException;
import org.waterhole.champion.Volunteering.AlreadyChampionException;
import org.waterhole.champion.Volunteering.AlreadyPendingException;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.Platform;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@WaterholeTest
class VolunteeringTests {

	@Autowired
	Volunteering volunteering;

	@Autowired
	ChampionService champions;

	@Autowired
	ChampionsData data2;

	@Autowired
	TestData data;

	@Autowired
	MockMvc mvc;

	static VolunteerForm offer() {
		VolunteerForm form = new VolunteerForm();
		form.setPitch("I post for our team already.");
		form.setPlatforms(new java.util.LinkedHashSet<>(Set.of(Platform.INSTAGRAM)));
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
		long champion = volunteering.accept(second, strategist);
		ChampionView view = champions.view(champion);
		assertThat(view.personId()).isEqualTo(person);
		assertThat(view.status()).isEqualTo(ChampionStatus.ACTIVE);
		assertThat(view.platforms()).containsExactly(Platform.INSTAGRAM);
		assertThat(view.skills()).containsExactly("captions", "video");
		assertThat(view.openToMentoring()).isTrue();
		assertThat(volunteering.requestsOf(person)).extracting(Volunteering.OwnRequest::status)
			.containsExactly(RequestStatus.ACCEPTED, RequestStatus.DECLINED);

		assertThatThrownBy(() -> volunteering.volunteer(person, offer())).isInstanceOf(AlreadyChampionException.class);
	}

	@Test
	void accepting_someone_who_became_a_champion_meanwhile_is_refused() {
		long person = data.person(null);
		long request = volunteering.volunteer(person, offer());
		data2.champion(person);
		assertThatThrownBy(() -> volunteering.accept(request, data.person(null)))
			.isInstanceOf(AlreadyChampionException.class);
	}

	@Test
	void volunteering_twice_through_the_page_is_refused_politely() throws Exception {
		WaterholeUser staff = (WaterholeUser) data.user(Role.STAFF);
		mvc.perform(post("/champions/volunteer").param("pitch", "I can help")
			.param("platforms", "TIKTOK")
			.with(csrf())
			.with(user(staff)))
			.andExpect(redirectedUrl("/champions/volunteer"))
			.andExpect(flash().attributeExists("flash"));
		mvc.perform(post("/champions/volunteer").param("pitch", "Again")
			.with(csrf())
			.with(user(staff)))
			.andExpect(redirectedUrl("/champions/volunteer"));
		assertThat(volunteering.requestsOf(staff.getPersonId())).hasSize(1);
		mvc.perform(get("/champions/volunteer").with(user(staff)))
			.andExpect(content().string(containsString("Waiting for an answer")));
	}

	@Test
	void the_strategist_declines_on_the_page_and_a_missing_reason_is_asked_for() throws Exception {
		long request = volunteering.volunteer(data.person(null), offer());
		mvc.perform(post("/champions/requests/{id}/decline", request).param("reason", " ")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(content().string(containsString("Enter a value.")));
		mvc.perform(post("/champions/requests/{id}/decline", request).param("reason", "Not this term")
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(redirectedUrl("/champions/requests"));
	}

}
