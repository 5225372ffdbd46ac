package org.waterhole.playbook;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.casestudy.Readings;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Opening what names people next to what they read is logged (who, when, which department, or
 * whose copy of their data), and only when names were shown; the strategist reads the log, nobody
 * else.
 */
@WaterholeTest
class WhoLookedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	Readings readings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_strategist_seeing_keen_readers_is_logged_and_listed() throws Exception {
		long department = data.department();
		String readerName = TestData.unique("Keen Looked-at Reader");
		long reader = data.person(readerName, department);
		read(reader, department);
		WaterholeUser strategist = (WaterholeUser) data.user(Role.STRATEGIST);

		String html = mvc.perform(get("/playbook/departments/{id}", department).with(user(strategist)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(html).select("#suggestion-RECRUIT_CHAMPION").text()).contains(readerName);
		assertThat(views(department, strategist.getPersonId())).isEqualTo(1);

		Document log = Jsoup.parse(mvc.perform(get("/privacy/views").with(user(strategist)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		// The log is everyone's: this test's strategist's newest row, not the first, which another's may be.
		Element newest = rowOf(log, strategist);
		assertThat(newest.select("a[href=/playbook/departments/" + department + "]")).hasSize(1);
		assertThat(newest.select("time")).hasSize(1);
		assertThat(log.text()).doesNotContain(readerName);
	}

	@Test
	void accepting_an_invitation_of_a_keen_reader_is_logged() throws Exception {
		long department = data.department();
		long reader = data.person(department);
		read(reader, department);
		WaterholeUser strategist = (WaterholeUser) data.user(Role.STRATEGIST);

		mvc.perform(get("/playbook/departments/{id}/accept/RECRUIT_CHAMPION", department).with(user(strategist)))
			.andExpect(redirectedUrl("/champions/invitations/new?person=" + reader));
		assertThat(views(department, strategist.getPersonId())).isEqualTo(1);
	}

	@Test
	void pages_that_name_no_reader_log_nothing() throws Exception {
		long unread = data.department();
		WaterholeUser strategist = (WaterholeUser) data.user(Role.STRATEGIST);
		mvc.perform(get("/playbook/departments/{id}", unread).with(user(strategist))).andExpect(status().isOk());
		mvc.perform(get("/playbook/departments/{id}/accept/RECRUIT_CHAMPION", unread).with(user(strategist)))
			.andExpect(redirectedUrlPattern("/champions/invitations/new*"));
		assertThat(views(unread, strategist.getPersonId())).isZero();

		// A manager sees no suggestions, so no names, even where there are keen readers.
		long read = data.department();
		read(data.person(read), read);
		WaterholeUser manager = (WaterholeUser) data.user(Role.MANAGER);
		mvc.perform(get("/playbook/departments/{id}", read).with(user(manager))).andExpect(status().isOk());
		assertThat(jdbc.sql("select count(*) from reader_list_view where department_id = :d")
			.param("d", read)
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * The strategist's copy of someone else's data names what they read: opening it (the page or
	 * the file) is logged and listed with whose data it was; their own copy is not.
	 */
	@Test
	void the_strategist_opening_someone_s_data_is_logged_but_not_their_own() throws Exception {
		String name = TestData.unique("Copied Person");
		long person = data.person(name, data.department());
		WaterholeUser strategist = (WaterholeUser) data.user(Role.STRATEGIST);
		long self = strategist.getPersonId();

		mvc.perform(get("/people/{id}/data", person).with(user(strategist))).andExpect(status().isOk());
		mvc.perform(get("/people/{id}/data.json", person).with(user(strategist))).andExpect(status().isOk());
		mvc.perform(get("/people/{id}/data", self).with(user(strategist))).andExpect(status().isOk());
		mvc.perform(get("/people/{id}/data.json", self).with(user(strategist))).andExpect(status().isOk());
		mvc.perform(get("/account/data").with(user(strategist))).andExpect(status().isOk());
		assertThat(dataViews(person, self)).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from reader_list_view where viewer_id = :v and person_id is distinct from :p")
			.param("v", self)
			.param("p", person)
			.query(Long.class)
			.single()).as("nothing else logged, not their own data").isZero();

		Element newest = rowOf(Jsoup.parse(mvc.perform(get("/privacy/views").with(user(strategist)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()), strategist);
		assertThat(newest.text()).contains("Opened the data of " + name);
		String own = mvc.perform(get("/account/data").with(user(strategist)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(own).select("#kind-readerListViews td").text()).contains(name);
	}

	@Test
	void only_the_strategist_reads_the_log() throws Exception {
		mvc.perform(get("/privacy/views").with(data.as(Role.STAFF))).andExpect(status().isForbidden());
		mvc.perform(get("/privacy/views").with(data.as(Role.MANAGER))).andExpect(status().isForbidden());
		mvc.perform(get("/privacy/views")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/privacy/views").with(data.as(Role.STRATEGIST))).andExpect(status().isOk());
	}

	private void read(long person, long department) {
		long caseStudy = caseStudies.published(TestData.unique("Looked at"));
		assertThat(readings.record(caseStudy, person, department, TestClock.now().minusSeconds(5))).isTrue();
	}

	private long dataViews(long person, long viewer) {
		return jdbc.sql("select count(*) from reader_list_view where person_id = :p and viewer_id = :v")
			.param("p", person)
			.param("v", viewer)
			.query(Long.class)
			.single();
	}

	private long views(long department, long viewer) {
		return jdbc.sql("select count(*) from reader_list_view where department_id = :d and viewer_id = :v")
			.param("d", department)
			.param("v", viewer)
			.query(Long.class)
			.single();
	}

	/**
	 * The newest row of the views' log that {@code viewer} made (each test's strategist is new):
	 * the log is everyone's, newest first.
	 */
	private static Element rowOf(Document log, WaterholeUser viewer) {
		List<Element> rows = log.select("#reader-list-views tbody tr").stream()
			.filter(row -> row.text().contains(viewer.getDisplayName()))
			.toList();
		assertThat(rows).as("rows by " + viewer.getDisplayName()).isNotEmpty();
		return rows.get(0);
	}

}
