package org.waterhole.champion;

import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The strategist invites a colleague to be a champion; the colleague reads the invitation on their
 * own pages and accepts (an active champion, told to the timeline as any new champion) or declines.
 */
@WaterholeTest
class ChampionInvitationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ChampionInvitations invitations;

	@Autowired
	ChampionService champions;

	@Autowired
	ChampionsData championsData;

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_invitee_sees_the_invitation_and_accepts_it_as_an_active_champion_with_the_timeline_told()
			throws Exception {
		WaterholeUser strategist = (WaterholeUser) data.user(Role.STRATEGIST);
		String email = data.account(Role.STAFF);
		WaterholeUser invitee = (WaterholeUser) data.user(email);

		MvcResult sent = mvc.perform(post("/champions/invitations").param("personEmail", email)
			.param("message", "Your video posts are great: would you show others?")
			.param("skills", "video")
			.param("platforms", "YOUTUBE")
			.with(csrf())
			.with(user(strategist))).andExpect(redirectedUrl("/champions/requests#invitations")).andReturn();
		assertThat(ChampionPages.flashCode(sent)).isEqualTo("invitation.sent");
		assertThat(page("/champions/requests", strategist).select("#invitation-list tr.invitation-row[data-status=PENDING]")
			.text()).contains(invitee.getDisplayName()).contains("Waiting for an answer");

		// Told on the home page and in the directory; the invitation on their own page, prefilled.
		assertThat(page("/", invitee).select(".invitation-notice").text()).contains(strategist.getDisplayName());
		assertThat(page("/champions", invitee).select(".invitation-notice a").attr("href"))
			.isEqualTo("/champions/invitations/mine");
		Document mine = page("/champions/invitations/mine", invitee);
		assertThat(mine.select(".invitation-message").text()).isEqualTo("Your video posts are great: would you show others?");
		assertThat(mine.select("#accept-form input[name=skills]").val()).isEqualTo("video");
		assertThat(mine.select("#accept-form input[name=platforms][value=YOUTUBE]").hasAttr("checked")).isTrue();
		long id = invitations.waitingFor(invitee.getPersonId()).orElseThrow().id();

		// The pitch is theirs to write: without it, nothing happens and what they chose stays.
		mvc.perform(post("/champions/invitations/{id}/accept", id).param("skills", "video, captions")
			.with(csrf())
			.with(user(invitee)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("answer", "pitch"));
		assertThat(champions.championOf(invitee.getPersonId())).isEmpty();

		MvcResult accepted = mvc.perform(post("/champions/invitations/{id}/accept", id)
			.param("pitch", "I film our open days.")
			.param("skills", "video, captions")
			.param("platforms", "YOUTUBE")
			.with(csrf())
			.with(user(invitee))).andReturn();
		long champion = champions.championOf(invitee.getPersonId()).orElseThrow();
		assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/champions/" + champion);
		ChampionView view = champions.view(champion);
		assertThat(view.status()).isEqualTo(ChampionStatus.ACTIVE);
		assertThat(view.pitch()).isEqualTo("I film our open days.");
		assertThat(view.skills()).containsExactly("captions", "video");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from adoption_event where kind = 'CHAMPION_JOINED' and subject_id = ?")
				.param(champion)
				.query(Long.class)
				.single() == 1);
		assertThat(page("/", invitee).select(".invitation-notice")).isEmpty();
		assertThat(page("/champions/requests", strategist).select("#invitation-list tr.invitation-row[data-status=ACCEPTED]")
			.text()).contains(invitee.getDisplayName());
	}

	@Test
	void the_invitee_declines_with_a_reason_the_strategist_reads() throws Exception {
		WaterholeUser strategist = (WaterholeUser) data.user(Role.STRATEGIST);
		String email = data.account(Role.STAFF);
		WaterholeUser invitee = (WaterholeUser) data.user(email);
		long id = invite(email, strategist, "Join us?");

		mvc.perform(post("/champions/invitations/{id}/decline", id).param("reason", "Not this term, maybe in spring.")
			.with(csrf())
			.with(user(invitee))).andExpect(redirectedUrl("/champions/invitations/mine"));

		assertThat(champions.championOf(invitee.getPersonId())).isEmpty();
		assertThat(invitations.waitingFor(invitee.getPersonId())).isEmpty();
		assertThat(page("/champions/requests", strategist).select("#invitation-list tr.invitation-row[data-status=DECLINED]")
			.text()).contains(invitee.getDisplayName()).contains("Not this term, maybe in spring.");
		// Answered: a second answer changes nothing and says so.
		MvcResult again = mvc.perform(post("/champions/invitations/{id}/accept", id).param("pitch", "Changed my mind")
			.with(csrf())
			.with(user(invitee))).andExpect(redirectedUrl("/champions/invitations/mine")).andReturn();
		assertThat(ChampionPages.flashCode(again)).isEqualTo("invitation.alreadyAnswered");
		assertThat(champions.championOf(invitee.getPersonId())).isEmpty();
	}

	@Test
	void a_second_invitation_and_one_to_a_champion_are_refused_with_a_message() throws Exception {
		WaterholeUser strategist = (WaterholeUser) data.user(Role.STRATEGIST);
		String email = data.account(Role.STAFF);
		invite(email, strategist, "First");

		mvc.perform(post("/champions/invitations").param("personEmail", email)
			.param("message", "Second")
			.with(csrf())
			.with(user(strategist)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "personEmail", "invitation.alreadyInvited"));

		String name = TestData.unique("Already Champion");
		long person = data.person(name, data.department());
		String championEmail = TestData.email(name);
		championsData.champion(person);
		mvc.perform(post("/champions/invitations").param("personEmail", championEmail)
			.with(csrf())
			.with(user(strategist)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "personEmail", "invitation.alreadyChampion"));
		// From a suggestion's link: the champion's page, saying so.
		mvc.perform(get("/champions/invitations/new").param("person", String.valueOf(person)).with(user(strategist)))
			.andExpect(redirectedUrl("/champions/" + champions.championOf(person).orElseThrow()));
		assertThat(jdbc.sql("select count(*) from champion_invitation where person_id = ?").param(person)
			.query(Long.class).single()).isZero();
	}

	@Test
	void staff_cannot_invite_and_nobody_answers_another_persons_invitation() throws Exception {
		WaterholeUser strategist = (WaterholeUser) data.user(Role.STRATEGIST);
		String email = data.account(Role.STAFF);
		WaterholeUser staff = (WaterholeUser) data.user(Role.STAFF);
		mvc.perform(post("/champions/invitations").param("personEmail", email).with(csrf()).with(user(staff)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/champions/invitations/new").with(user(staff))).andExpect(status().isForbidden());
		long id = invite(email, strategist, "For you only");

		mvc.perform(post("/champions/invitations/{id}/accept", id).param("pitch", "Me instead")
			.with(csrf())
			.with(user(staff))).andExpect(status().isForbidden());
		mvc.perform(post("/champions/invitations/{id}/decline", id).with(csrf()).with(user(strategist)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/champions/invitations/{id}/accept", 999_999_999L).param("pitch", "Nobody's")
			.with(csrf())
			.with(user(staff))).andExpect(status().isNotFound());
		assertThat(champions.championOf(staff.getPersonId())).isEmpty();
		assertThat(invitations.waitingFor(((WaterholeUser) data.user(email)).getPersonId())).isPresent();
		assertThat(page("/champions/invitations/mine", staff).select(".waiting-invitation")).isEmpty();
	}

	@Test
	void a_hostile_message_stays_text_on_every_page_that_shows_it() throws Exception {
		WaterholeUser strategist = (WaterholeUser) data.user(Role.STRATEGIST);
		String email = data.account(Role.STAFF);
		WaterholeUser invitee = (WaterholeUser) data.user(email);
		String hostile = "<script>alert('x')</script><b onmouseover=alert(1)>hi</b>";
		invite(email, strategist, hostile);

		for (Document page : new Document[] { page("/champions/invitations/mine", invitee),
				page("/champions/requests", strategist) }) {
			assertThat(page.select("script:containsData(alert)")).isEmpty();
			assertThat(page.select("b[onmouseover]")).isEmpty();
			assertThat(page.text()).contains(hostile);
		}
	}

	private long invite(String email, WaterholeUser strategist, String message) throws Exception {
		mvc.perform(post("/champions/invitations").param("personEmail", email)
			.param("message", message)
			.with(csrf())
			.with(user(strategist))).andExpect(redirectedUrl("/champions/requests#invitations"));
		return invitations.waitingFor(((WaterholeUser) data.user(email)).getPersonId()).orElseThrow().id();
	}

	private Document page(String path, WaterholeUser who) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(user(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
