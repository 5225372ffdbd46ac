package org.waterhole.playbook;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.organization.Role;
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
 * The weekly digest is off unless configured: with the application's defaults (as every other
 * test runs it) there is no digest job on the schedule, nothing to send with, and the settings
 * page says that no e-mail is sent and offers no sign-up.
 */
@WaterholeTest
class DigestOffTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void by_default_no_digest_is_scheduled_or_sent() throws Exception {
		assertThat(context.getEnvironment().getProperty("waterhole.digest.enabled")).isEqualTo("false");
		assertThat(context.getBeanProvider(DigestJob.class).getIfAvailable()).isNull();
		assertThat(context.getBeanProvider(Digests.class).getIfAvailable()).isNull();
		assertThat(context.getBeanProvider(JavaMailSender.class).getIfAvailable()).isNull();
		assertThat(context.getBeansOfType(ScheduledTaskHolder.class)
			.values()
			.stream()
			.flatMap(holder -> holder.getScheduledTasks().stream())
			.map(task -> task.getTask().getRunnable().toString()))
			.isNotEmpty()
			.noneMatch(task -> task.contains("Digest"));

		String page = mvc.perform(get("/account/digest").with(data.as(Role.MANAGER)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("This Waterhole sends no e-mail at the moment");
	}

	@Test
	void while_it_is_off_nobody_can_sign_up_and_someone_down_for_it_can_say_no() throws Exception {
		String email = data.account(Role.MANAGER); // down for the digest, as every new account
		var manager = user(data.user(email));

		Document page = page(manager);
		assertThat(page.select("#digest-off").text()).contains("switched off", "nothing to sign up for");
		assertThat(page.select("input[type=checkbox][name=weeklyDigest]")).isEmpty();
		assertThat(page.select("#digest-stop input[name=weeklyDigest]").val()).isEqualTo("false");

		// Someone who posts a sign-up anyway is told why not, and nothing changes.
		String refused = mvc.perform(post("/account/digest").param("weeklyDigest", "true").with(manager).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(refused).select(".alert-danger").text()).contains("can’t sign up");
		assertThat(wants(email)).isTrue();

		String unreadable = mvc.perform(post("/account/digest").param("weeklyDigest", "perhaps").with(manager).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(unreadable).select(".alert-danger").text()).contains("nothing was changed");
		assertThat(wants(email)).isTrue();

		mvc.perform(post("/account/digest").param("weeklyDigest", "false").with(manager).with(csrf()))
			.andExpect(redirectedUrl("/account/digest"));
		assertThat(wants(email)).isFalse();
		page = page(manager);
		assertThat(page.select("main form")).isEmpty();
		assertThat(page.select("#digest-off")).hasSize(1);
		mvc.perform(post("/account/digest").param("weeklyDigest", "true").with(manager).with(csrf()))
			.andExpect(status().isOk());
		assertThat(wants(email)).isFalse();
	}

	private Document page(RequestPostProcessor user) throws Exception {
		return Jsoup.parse(mvc.perform(get("/account/digest").with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private boolean wants(String email) {
		return jdbc.sql("select a.weekly_digest from account a join person p on p.id = a.person_id where p.email = :email")
			.param("email", email)
			.query(Boolean.class)
			.single();
	}

}
