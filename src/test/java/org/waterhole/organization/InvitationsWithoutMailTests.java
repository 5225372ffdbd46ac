package org.waterhole.organization;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.waterhole.shared.web.FlashMessage;
import org.waterhole.support.TestData;
import org.waterhole.support.Visitor;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Without an SMTP server configured (no {@code spring.mail.host}, as every other test runs the
 * application), invitations and reset links can't be sent: the strategist is told so and what to
 * do, nothing is made half-way, and "forgot your password?" says to ask the strategist.
 */
@WaterholeTest
class InvitationsWithoutMailTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void inviting_says_that_no_mail_can_be_sent_and_makes_no_account() throws Exception {
		long department = data.department();
		long person = data.person(department);

		for (String action : List.of("/people/" + person + "/invitation", "/departments/" + department + "/invitations")) {
			MvcResult result = mvc.perform(post(action).with(data.as(Role.STRATEGIST)).with(csrf())).andReturn();
			FlashMessage said = (FlashMessage) result.getFlashMap().get(FlashMessage.ATTRIBUTE);
			assertThat(said.kind()).isEqualTo(FlashMessage.Kind.WARNING);
			assertThat(said.code()).isEqualTo("invitations.mailOff");
		}
		assertThat(jdbc.sql("select count(*) from account where person_id = ?").param(person).query(Long.class).single())
			.isZero();
		Visitor strategist = new Visitor(port);
		strategist.signIn(data.account(Role.STRATEGIST), TestData.PASSWORD);
		assertThat(strategist.post("/people/" + person + "/invitation", Map.of(), true).location())
			.endsWith("/people/" + person + "/edit");
		assertThat(strategist.get("/people/" + person + "/edit").document().select(".alert-warning").text())
			.contains("Nothing was sent: this Waterhole has no mail server set up", "spring.mail.host");
	}

	@Test
	void forgot_password_says_to_ask_the_strategist() throws Exception {
		assertThat(mvc.perform(get("/password/forgot")).andReturn().getResponse().getContentAsString())
			.contains("can’t send e-mail at the moment");
		String email = data.account(Role.STAFF);
		MvcResult result = mvc.perform(post("/password/forgot").param("email", email).with(csrf()))
			.andExpect(redirectedUrl("/password/forgot"))
			.andReturn();
		FlashMessage said = (FlashMessage) result.getFlashMap().get(FlashMessage.ATTRIBUTE);
		assertThat(said.code()).isEqualTo("password.forgot.mailOff");
		assertThat(jdbc.sql("select count(*) from password_link l join account a on a.id = l.account_id"
				+ " join person p on p.id = a.person_id where p.email = ?").param(email).query(Long.class).single()).isZero();
	}

}
