package org.waterhole.playbook;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.organization.Role;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The weekly digest is off unless configured: with the application's defaults (as every other
 * test runs it) there is no digest job on the schedule, nothing to send with, and the settings
 * page says that no e-mail is sent.
 */
@WaterholeTest
class DigestOffTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

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

}
