package org.waterhole;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.champion.ChampionsData;
import org.waterhole.experiment.ExperimentsData;
import org.waterhole.organization.AccountService;
import org.waterhole.organization.ImportReport;
import org.waterhole.organization.PeopleImport;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.support.HtmlForms;
import org.waterhole.support.HtmlForms.Target;
import org.waterhole.support.Overlap;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * No edit is lost, on each of the strategist's six edit forms: a form opened before someone else
 * saved the record comes back as a conflict with what the user typed, and of two saves of one
 * record from the same version, both in flight at once, one is stored and the other comes back
 * the same way. The forms are opened and sent as a browser would (the page's own fields).
 */
@WaterholeTest
class LostUpdateTests {

	private static final String CONFLICT = "Someone else changed this in the meantime";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	ExperimentsData experiments;

	@Autowired
	ChampionsData champions;

	@Autowired
	Overlap overlap;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EntityManager entityManager;

	@Autowired
	PasswordEncoder passwords;

	/**
	 * A record on its edit page: the field both edits change, what the other person saves in it
	 * and what the user types, and what is stored in it now.
	 */
	record Edit(String page, String action, String field, String theirs, String theirsShown, String mine,
			Supplier<String> stored) {
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "department", "person", "case study", "experiment", "champion", "account" })
	void a_stale_edit_comes_back_as_a_conflict_with_the_input_kept_and_nothing_overwritten(String kind)
			throws Exception {
		Edit edit = record(kind);
		RequestPostProcessor strategist = data.as(Role.STRATEGIST);
		Target opened = form(edit, strategist);
		assertThat(send(form(edit, strategist), edit.field(), edit.theirs(), strategist).getResponse().getStatus())
			.as("someone else saves").isEqualTo(302);

		MvcResult stale = send(opened, edit.field(), edit.mine(), strategist);

		Document page = assertConflict(edit, stale);
		assertThat(edit.stored().get()).isEqualTo(edit.theirs());
		// The form now carries the saved version: sent again, knowingly, it replaces what is saved.
		Target again = target(page, edit);
		assertThat(send(again, edit.field(), edit.mine(), strategist).getResponse().getStatus()).isEqualTo(302);
		assertThat(edit.stored().get()).isEqualTo(edit.mine());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "department", "person", "case study", "experiment", "champion", "account" })
	void of_two_saves_in_flight_together_one_is_stored_and_the_other_is_a_conflict(String kind) throws Exception {
		Edit edit = record(kind);
		RequestPostProcessor strategist = data.as(Role.STRATEGIST);
		Target opened = form(edit, strategist);
		MvcResult[] first = new MvcResult[1];

		// The first save stays uncommitted, its row written, until the second is seen waiting for it.
		Overlap.Outcome<MvcResult> outcome = overlap.run(() -> {
			first[0] = sendQuietly(opened, edit.field(), edit.theirs(), strategist);
			entityManager.flush();
		}, () -> send(opened, edit.field(), edit.mine(), strategist));

		assertThat(outcome.thrown()).isNull();
		assertThat(outcome.waited()).as("the second save waited for the first one's row").isTrue();
		assertThat(first[0].getResponse().getStatus()).isEqualTo(302);
		assertConflict(edit, outcome.value());
		assertThat(edit.stored().get()).isEqualTo(edit.theirs());
	}

	@Test
	void a_password_changed_while_the_strategist_saves_the_account_is_changed_and_the_role_kept() throws Exception {
		PasswordRace race = passwordRace();

		// The strategist's save is held uncommitted until the holder's change is seen waiting for it.
		Overlap.Outcome<MvcResult> outcome = overlap.run(() -> {
			sendQuietly(race.opened(), race.edit().field(), race.edit().theirs(), race.strategist());
			entityManager.flush();
		}, () -> changeOwnPassword(race.holder(), race.newPassword()));

		assertThat(outcome.thrown()).isNull();
		assertThat(outcome.waited()).as("the password change waited for the strategist's save").isTrue();
		assertThat(outcome.value().getResponse().getStatus()).isEqualTo(302);
		assertThat(race.edit().stored().get()).isEqualTo(race.edit().theirs());
		assertThat(race.passwordChanged()).isTrue();
	}

	@Test
	void an_account_saved_while_its_password_changes_does_not_write_the_old_password_back() throws Exception {
		PasswordRace race = passwordRace();

		// The password change is held uncommitted until the strategist's save is seen waiting for it.
		Overlap.Outcome<MvcResult> outcome = overlap.run(() -> changeOwnPassword(race.holder(), race.newPassword()),
				() -> send(race.opened(), race.edit().field(), race.edit().theirs(), race.strategist()));

		assertThat(outcome.thrown()).isNull();
		assertThat(outcome.waited()).as("the strategist's save waited for the password change").isTrue();
		assertThat(outcome.value().getResponse().getStatus()).isEqualTo(200);
		assertThat(outcome.value().getResponse().getContentAsString()).contains(CONFLICT);
		assertThat(race.passwordChanged()).isTrue();
		assertThat(race.edit().stored().get()).isEqualTo(Role.STAFF.name());
	}

	@Test
	void a_reading_choice_made_while_the_strategist_saves_the_person_is_kept_and_so_is_the_save() throws Exception {
		WaterholeUser holder = (WaterholeUser) data.user(data.account(Role.STAFF));
		Edit edit = person(holder.getPersonId());
		RequestPostProcessor strategist = data.as(Role.STRATEGIST);
		Target opened = form(edit, strategist);

		// The strategist's save is held uncommitted until the person's choice is seen waiting for it.
		Overlap.Outcome<MvcResult> outcome = overlap.run(() -> {
			sendQuietly(opened, edit.field(), edit.theirs(), strategist);
			entityManager.flush();
		}, () -> mvc.perform(post("/account/readings").param("unnamed", "true").with(csrf()).with(user(holder)))
			.andReturn());

		assertThat(outcome.thrown()).isNull();
		assertThat(outcome.waited()).as("the choice waited for the strategist's save").isTrue();
		assertThat(outcome.value().getResponse().getStatus()).isEqualTo(302);
		assertThat(edit.stored().get()).isEqualTo(edit.theirs());
		assertThat(column("select readings_unnamed::text from person where id = ?", holder.getPersonId()))
			.isEqualTo("true");
	}

	@Test
	void a_password_reset_while_the_holder_changes_it_is_not_overwritten() throws Exception {
		WaterholeUser holder = (WaterholeUser) data.user(data.account(Role.STAFF));
		String reset = "a reset passphrase " + TestData.unique("r");

		// The strategist's reset is held uncommitted until the holder's change is seen waiting for it.
		Overlap.Outcome<Boolean> outcome = overlap.run(
				() -> accounts.resetPassword(holder.getAccountId(), reset),
				() -> accounts.changeOwnPassword(holder.getAccountId(), TestData.PASSWORD, "the holder's new one"));

		assertThat(outcome.thrown()).isNull();
		assertThat(outcome.waited()).as("the change waited for the reset").isTrue();
		assertThat(outcome.value()).as("the password the holder knew is no longer theirs").isFalse();
		assertThat(passwords.matches(reset,
				column("select password_hash from account where id = ?", holder.getAccountId()))).isTrue();
	}

	@Test
	void a_person_imported_while_the_strategist_saves_them_is_updated_and_the_save_kept() throws Exception {
		long id = data.person(data.department());
		String email = column("select email from person where id = ?", id);
		Edit edit = person(id);
		RequestPostProcessor strategist = data.as(Role.STRATEGIST);
		Target opened = form(edit, strategist);
		String csv = "name,email,job title,department\nImported Name," + email + ",,\n";

		// The strategist's save is held uncommitted until the import is seen waiting for the person.
		Overlap.Outcome<ImportReport> outcome = overlap.run(() -> {
			sendQuietly(opened, edit.field(), edit.theirs(), strategist);
			entityManager.flush();
		}, () -> peopleImport.run(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));

		assertThat(outcome.thrown()).isNull();
		assertThat(outcome.waited()).as("the import waited for the strategist's save").isTrue();
		assertThat(outcome.value().rows()).hasSize(1);
		assertThat(column("select name from person where id = ?", id)).isEqualTo("Imported Name");
		assertThat(edit.stored().get()).isEqualTo(edit.theirs());
	}

	/**
	 * A staff account's holder about to change their password, and the strategist with the
	 * account's form open.
	 */
	private record PasswordRace(WaterholeUser holder, Edit edit, Target opened, RequestPostProcessor strategist,
			String newPassword, Supplier<String> storedHash, PasswordEncoder passwords) {

		boolean passwordChanged() {
			return passwords.matches(newPassword, storedHash.get());
		}

	}

	private PasswordRace passwordRace() throws Exception {
		WaterholeUser holder = (WaterholeUser) data.user(data.account(Role.STAFF));
		Edit edit = account(holder.getAccountId());
		RequestPostProcessor strategist = data.as(Role.STRATEGIST);
		return new PasswordRace(holder, edit, form(edit, strategist), strategist,
				"a new passphrase " + TestData.unique("p"),
				() -> column("select password_hash from account where id = ?", holder.getAccountId()), passwords);
	}

	/** A new record of the kind, with what the two edits change on its form. */
	private Edit record(String kind) {
		return switch (kind) {
			case "department" -> {
				long id = data.department();
				String theirs = TestData.unique("Their name"); // department names are unique
				yield new Edit("/departments/" + id + "/edit", "/departments/" + id, "name", theirs, theirs,
						TestData.unique("My name"), () -> column("select name from department where id = ?", id));
			}
			case "person" -> {
				yield person(data.person(data.department()));
			}
			case "case study" -> {
				long id = caseStudies.published(TestData.unique("Edited at once"));
				yield new Edit("/library/" + id + "/edit", "/library/" + id, "summary", "Their summary",
						"Their summary", "My summary", () -> column("select summary from case_study where id = ?", id));
			}
			case "experiment" -> {
				long id = experiments.idea(TestData.unique("Edited at once"));
				yield new Edit("/experiments/" + id + "/edit", "/experiments/" + id, "hypothesis", "Their hypothesis",
						"Their hypothesis", "My hypothesis",
						() -> column("select hypothesis from experiment where id = ?", id));
			}
			case "champion" -> {
				long id = champions.champion(data.person(data.department()));
				yield new Edit("/champions/" + id + "/edit", "/champions/" + id, "pitch", "Their pitch", "Their pitch",
						"My pitch", () -> column("select pitch from champion where id = ?", id));
			}
			case "account" -> {
				yield account(((WaterholeUser) data.user(data.account(Role.STAFF))).getAccountId());
			}
			default -> throw new IllegalArgumentException(kind);
		};
	}

	/** The holder changes their own password on its page, knowing the current one. */
	private MvcResult changeOwnPassword(WaterholeUser holder, String newPassword) {
		try {
			MvcResult result = mvc.perform(post("/account/password").param("currentPassword", TestData.PASSWORD)
				.param("newPassword", newPassword)
				.param("confirmation", newPassword)
				.with(csrf())
				.with(user(holder))).andReturn();
			assertThat(result.getResponse().getStatus()).as("the password is changed").isEqualTo(302);
			return result;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A person, given a job title by one edit and another by the other. */
	private Edit person(long id) {
		return new Edit("/people/" + id + "/edit", "/people/" + id, "jobTitle", "Their title", "Their title",
				"My title", () -> column("select job_title from person where id = ?", id));
	}

	/** A staff account, made a manager by one edit and a strategist by the other. */
	private Edit account(long id) {
		return new Edit("/accounts/" + id + "/edit", "/accounts/" + id, "role", "MANAGER", "Manager", "STRATEGIST",
				() -> column("select role from account where id = ?", id));
	}

	private String column(String sql, long id) {
		return jdbc.sql(sql).param(id).query(String.class).single();
	}

	/** The edit form as the page gives it to the strategist. */
	private Target form(Edit edit, RequestPostProcessor strategist) throws Exception {
		String page = mvc.perform(get(edit.page()).with(strategist)).andReturn().getResponse().getContentAsString();
		return target(Jsoup.parse(page), edit);
	}

	private static Target target(Document page, Edit edit) {
		return HtmlForms.of(edit.page(), page)
			.stream()
			.filter(target -> target.method().equals("POST") && target.action().equals(edit.action()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no form to " + edit.action() + " on " + edit.page()));
	}

	/** Sends the form as the page filled it in, with {@code value} in {@code field}. */
	private MvcResult send(Target form, String field, String value, RequestPostProcessor strategist)
			throws Exception {
		MockHttpServletRequestBuilder request = post(form.action()).with(csrf()).with(strategist);
		for (Map.Entry<String, String> sent : form.with(field, value)) {
			request.param(sent.getKey(), sent.getValue());
		}
		return mvc.perform(request).andReturn();
	}

	private MvcResult sendQuietly(Target form, String field, String value, RequestPostProcessor strategist) {
		try {
			return send(form, field, value, strategist);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The answer is the form again, not saved: the conflict message, the user's value in the
	 * field, and the field listed with the value saved now.
	 */
	private static Document assertConflict(Edit edit, MvcResult result) throws Exception {
		String body = result.getResponse().getContentAsString();
		assertThat(result.getResponse().getStatus()).as(edit.action()).isEqualTo(200);
		assertThat(body).contains(CONFLICT);
		Document page = Jsoup.parse(body);
		assertThat(target(page, edit).fields())
			.filteredOn(field -> field.name().equals(edit.field()))
			.singleElement()
			.satisfies(field -> assertThat(field.values()).containsExactly(edit.mine()));
		Element changes = page.selectFirst("dl.conflict-changes");
		assertThat(changes).as("what is saved now").isNotNull();
		assertThat(changes.select("dd").eachText()).containsExactly(edit.theirsShown());
		return page;
	}

}
