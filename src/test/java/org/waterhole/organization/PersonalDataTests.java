package org.waterhole.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.waterhole.adoption.AdoptionLog;
import org.waterhole.adoption.EventKind;
import org.waterhole.adoption.RecordForm;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.casestudy.Readings;
import org.waterhole.champion.ChampionInvitations;
import org.waterhole.champion.ChampionsData;
import org.waterhole.champion.InvitationForm;
import org.waterhole.champion.VolunteerForm;
import org.waterhole.champion.Volunteering;
import org.waterhole.experiment.ExperimentsData;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The copy of everything Waterhole holds about a person: a person with one record of every kind
 * finds each of them, by value, on their page and in their JSON file; staff can't get someone
 * else's, the strategist can; the choice to keep one's name off one's readings is saved, in the
 * person's history, and said on the page.
 */
@WaterholeTest
class PersonalDataTests {

	private static final String TOKEN_HASH = "f".repeat(64);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	PersonService people;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	Readings readings;

	@Autowired
	ChampionsData champions;

	@Autowired
	Volunteering volunteering;

	@Autowired
	ChampionInvitations invitations;

	@Autowired
	AdoptionLog adoption;

	@Autowired
	ExperimentsData experiments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	MessageSource messages;

	String departmentName;

	long department;

	String email;

	long person;

	UserDetails user;

	String strategistEmail;

	String read;

	String written;

	String experiment;

	String event;

	@BeforeEach
	void aPersonWithARecordOfEveryKind() throws Exception {
		departmentName = TestData.unique("Data department");
		department = data.department(departmentName);
		email = data.account(Role.STAFF, department);
		person = people.idByEmail(email).orElseThrow();
		user = data.user(email);
		strategistEmail = data.account(Role.STRATEGIST);
		long strategist = people.idByEmail(strategistEmail).orElseThrow();
		read = TestData.unique("Read in data");
		long caseStudy = caseStudies.published(read);
		readings.record(caseStudy, person, department, TestClock.now());
		readings.markHelpful(caseStudy, person, department, true, TestClock.now());
		written = TestData.unique("Written by them");
		caseStudies.writtenBy(written, person);
		experiment = TestData.unique("Owned by them");
		experiments.idea(experiment, form -> form.setOwnerEmail(email));
		InvitationForm invitation = new InvitationForm();
		invitation.setPersonEmail(email);
		invitation.setMessage("Would you share what you learnt?");
		invitations.invite(invitation, strategist);
		VolunteerForm offer = new VolunteerForm();
		offer.setPitch("I post for the department every week");
		volunteering.volunteer(person, offer);
		champions.activity(champions.champion(person), TestClock.today(), person);
		event = TestData.unique("Recorded by them");
		adoption.record(RecordForm.of(department, TestClock.today(), EventKind.NOTE, event), person);
		otherModulesRows();
		optOut(user);
	}

	/**
	 * A digest sent to their account, a suggestion they dismissed, a list of named readers they
	 * opened, an invitation link to set a password.
	 */
	private void otherModulesRows() {
		jdbc.sql("""
				insert into sent_digest (account_id, week_start, claimed_at, sent_at, attempts)
				select id, date '2026-11-30', now(), now(), 1 from account where person_id = :person
				""").param("person", person).update();
		jdbc.sql("""
				insert into playbook_dismissal (department_id, rule, signals, reason, dismissed_by)
				values (:department, 'CHECK_IN', 'x', 'We met them at the fair', :person)
				""").param("department", department).param("person", person).update();
		jdbc.sql("insert into reader_list_view (viewer_id, viewed_at, department_id) values (:person, now(), :department)")
			.param("person", person)
			.param("department", department)
			.update();
		jdbc.sql("""
				insert into password_link (id, account_id, purpose, token_hash, created_at, expires_at, sent_at)
				select nextval('password_link_seq'), a.id, 'INVITATION', :hash, now(), now() + interval '7 days', now()
				from account a where a.person_id = :person
				""").param("hash", TOKEN_HASH.substring(0, 50) + person).param("person", person).update();
	}

	private void optOut(UserDetails who) throws Exception {
		mvc.perform(post("/account/readings").param("unnamed", "true").with(user(who)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/account/readings"))
			.andExpect(flash().attributeExists("flash"));
	}

	@Test
	void the_json_file_holds_every_kind_with_the_persons_records_by_value() throws Exception {
		MvcResult result = mvc.perform(get("/account/data.json").with(user(user)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"waterhole-data-" + TestClock.today() + ".json\""))
			.andReturn();
		assertThat(result.getResponse().getContentType()).startsWith("application/json");
		String body = result.getResponse().getContentAsString();
		JsonNode records = json.readTree(body).get("records");

		assertThat(first(records, "person").get("email").asString()).isEqualTo(email);
		assertThat(first(records, "person").get("department").asString()).isEqualTo(departmentName);
		assertThat(first(records, "person").get("readingsUnnamed").asBoolean()).isTrue();
		assertThat(first(records, "account").get("username").asString()).isEqualTo(email);
		assertThat(first(records, "account").get("role").asString()).isEqualTo("STAFF");
		assertThat(first(records, "account").get("signInMethods").asString()).contains("password");
		assertThat(first(records, "passwordLinks").get("purpose").asString()).isEqualTo("INVITATION");
		assertThat(first(records, "changesMade").get("email").asString()).isEqualTo(email);
		assertThat(records.get("personHistory").findValuesAsString("readingsUnnamed")).contains("true");
		assertThat(first(records, "readings").get("caseStudy").asString()).isEqualTo(read);
		assertThat(first(records, "readings").get("department").asString()).isEqualTo(departmentName);
		assertThat(first(records, "readings").get("readAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(first(records, "helpfulMarks").get("caseStudy").asString()).isEqualTo(read);
		assertThat(first(records, "caseStudiesWritten").get("title").asString()).isEqualTo(written);
		assertThat(first(records, "experimentsOwned").get("title").asString()).isEqualTo(experiment);
		assertThat(first(records, "championProfile").get("email").asString()).isEqualTo(email);
		assertThat(first(records, "championHistory").get("change").asString()).isEqualTo("created");
		assertThat(first(records, "championActivities").get("description").asString()).isEqualTo("Ran a session");
		assertThat(first(records, "volunteerOffers").get("pitch").asString()).isEqualTo("I post for the department every week");
		assertThat(first(records, "championInvitations").get("message").asString())
			.isEqualTo("Would you share what you learnt?");
		assertThat(first(records, "adoptionEvents").get("title").asString()).isEqualTo(event);
		assertThat(first(records, "adoptionEvents").get("departments").asString()).isEqualTo(departmentName);
		assertThat(first(records, "digests").get("weekStart").asString()).isEqualTo("2026-11-30");
		assertThat(first(records, "dismissals").get("reason").asString()).isEqualTo("We met them at the fair");
		assertThat(first(records, "readerListViews").get("department").asString()).isEqualTo(departmentName);
		assertThat(records.has("sessions")).as("sessions, listed even when none").isTrue();
		assertThat(body).doesNotContain("passwordHash", "$2", "tokenHash", TOKEN_HASH.substring(0, 50));
	}

	@Test
	void the_page_has_a_heading_per_kind_and_each_record_by_value() throws Exception {
		Document page = page("/account/data", user);

		assertThat(page.select("h1").text()).isEqualTo("Your data");
		assertThat(page.select("#readings-choice").text()).contains("never connected to what you read");
		assertThat(page.select("a#data-json").attr("href")).isEqualTo("/account/data.json");
		Map<String, String> expected = Map.ofEntries(Map.entry("person", departmentName), Map.entry("account", "STAFF"),
				Map.entry("passwordLinks", "INVITATION"), Map.entry("changesMade", email),
				Map.entry("personHistory", "changed"), Map.entry("readings", read), Map.entry("helpfulMarks", read),
				Map.entry("caseStudiesWritten", written), Map.entry("experimentsOwned", experiment),
				Map.entry("championProfile", "I can help."), Map.entry("championHistory", "created"),
				Map.entry("championActivities", "Ran a session"),
				Map.entry("volunteerOffers", "I post for the department every week"),
				Map.entry("championInvitations", "Would you share what you learnt?"),
				Map.entry("adoptionEvents", event), Map.entry("digests", "2026"),
				Map.entry("dismissals", "We met them at the fair"), Map.entry("readerListViews", departmentName));
		expected.forEach((kind, value) -> assertThat(page.select("#kind-" + kind + " td").text()).as(kind).contains(value));
		assertThat(page.select("#kind-sessions h2").text()).startsWith("Signed-in sessions");
		assertThat(page.select("#kind-readings th").eachText()).containsExactly("Case study", "Read",
				"Counted for department");
	}

	@Test
	void every_kind_and_field_has_a_label() throws Exception {
		JsonNode records = json.readTree(mvc.perform(get("/account/data.json").with(user(user)))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("records");
		assertThat(records.propertyNames()).hasSize(20);
		records.properties().forEach(kind -> {
			assertThat(messages.getMessage("privacy.data." + kind.getKey(), null, Locale.ENGLISH)).isNotBlank();
			kind.getValue().forEach(item -> item.propertyNames()
				.forEach(field -> assertThat(messages.getMessage("privacy.data." + kind.getKey() + "." + field, null,
						Locale.ENGLISH)).isNotBlank()));
		});
	}

	@Test
	void an_empty_kind_says_none() throws Exception {
		Document page = page("/account/data", data.user(Role.STAFF));

		assertThat(page.select("#kind-readings p").text()).isEqualTo("None");
		assertThat(page.select("#kind-readings table")).isEmpty();
		assertThat(page.select("#readings-choice").text()).contains("may be connected");
	}

	@Test
	void staff_cannot_have_someone_elses_and_the_strategist_can() throws Exception {
		UserDetails other = data.user(Role.STAFF);
		for (String path : List.of("/people/" + person + "/data", "/people/" + person + "/data.json")) {
			mvc.perform(get(path).with(user(other))).andExpect(status().isForbidden());
			mvc.perform(get(path).with(user(data.user(Role.MANAGER)))).andExpect(status().isForbidden());
		}
		UserDetails strategist = data.user(strategistEmail);
		Document page = page("/people/" + person + "/data", strategist);
		assertThat(page.select("#kind-readings td").text()).contains(read);
		assertThat(page.select("#readings-choice").text()).contains("This person chose");
		assertThat(page.select("a#data-json").attr("href")).isEqualTo("/people/" + person + "/data.json");
		String file = mvc.perform(get("/people/" + person + "/data.json").with(user(strategist)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first(json.readTree(file).get("records"), "adoptionEvents").get("title").asString()).isEqualTo(event);
		mvc.perform(get("/people/987654321012/data").with(user(strategist))).andExpect(status().isNotFound());
	}

	@Test
	void the_persons_page_links_to_their_data_and_the_menu_to_ones_own() throws Exception {
		Document edit = page("/people/" + person + "/edit", data.user(strategistEmail));
		assertThat(edit.select("a[href=/people/" + person + "/data]").text()).isEqualTo("Their data");
		assertThat(page("/", user).select("#nav-own-data").attr("href")).isEqualTo("/account/data");
	}

	@Test
	void opting_back_in_is_saved_and_shown() throws Exception {
		assertThat(page("/account/readings", user).select("input[type=checkbox][name=unnamed]").hasAttr("checked"))
			.isTrue();
		mvc.perform(post("/account/readings").with(user(user)).with(csrf()))
			.andExpect(redirectedUrl("/account/readings"))
			.andExpect(flash().attributeExists("flash"));
		assertThat(page("/account/readings", user).select("input[type=checkbox][name=unnamed]").hasAttr("checked"))
			.isFalse();
		assertThat(page("/account/data", user).select("#readings-choice").text()).contains("may be connected");
	}

	@Test
	void an_unreadable_choice_is_a_message_on_the_page() throws Exception {
		Document page = Jsoup.parse(mvc.perform(post("/account/readings").param("unnamed", "<maybe>")
			.with(user(user))
			.with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(page.select("#unnamed-error").text()).isEqualTo("Tick the box, or leave it empty.");
	}

	@Test
	void the_demo_has_a_reader_who_keeps_their_name_off_their_readings(@Autowired ReadingPrivacy privacy) {
		long demo = people.idByEmail(OrganizationDemoData.UNNAMED_READER_EMAIL).orElseThrow();
		assertThat(privacy.isUnnamed(demo)).isTrue();
		assertThat(privacy.unnamedAmong(List.of(demo, person))).containsExactlyInAnyOrder(demo, person);
	}

	private Document page(String path, UserDetails who) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(user(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static JsonNode first(JsonNode records, String kind) {
		assertThat(records.get(kind)).as(kind).isNotEmpty();
		return records.get(kind).get(0);
	}

}
