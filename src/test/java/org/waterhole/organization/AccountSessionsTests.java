package org.waterhole.organization;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waterhole.support.TestData;
import org.waterhole.support.Visitor;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change to an account holds at once: the sessions of a disabled or demoted account, or of
 * one whose password was reset, end; their next request goes to the login page.
 */
@WaterholeTest
class AccountSessionsTests {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	PersonService people;

	@Test
	void disabling_an_account_ends_its_sessions() {
		String email = data.account(Role.STAFF);
		Visitor staff = signedIn(email);
		long id = ((WaterholeUser) data.user(email)).getAccountId();

		AccountForm form = accounts.form(id);
		form.setEnabled(false);
		accounts.update(id, form);

		Visitor.Page page = staff.get("/departments");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).endsWith("/login?expired");
		assertThat(staff.signIn(email, TestData.PASSWORD).location()).endsWith("/login?error");
	}

	@Test
	void a_demoted_strategist_loses_the_strategist_pages_at_once() {
		String email = data.account(Role.STRATEGIST);
		Visitor strategist = signedIn(email);
		assertThat(strategist.get("/accounts").status()).isEqualTo(200);
		long id = ((WaterholeUser) data.user(email)).getAccountId();

		AccountForm form = accounts.form(id);
		form.setRole(Role.STAFF);
		accounts.update(id, form);

		assertThat(strategist.get("/accounts").location()).endsWith("/login?expired");
		strategist.signIn(email, TestData.PASSWORD);
		assertThat(strategist.get("/accounts").status()).isEqualTo(403);
	}

	@Test
	void a_password_reset_ends_the_sessions_and_an_own_change_ends_only_the_others() {
		String email = data.account(Role.STAFF);
		Visitor first = signedIn(email);
		Visitor second = signedIn(email);

		Visitor.Page changed = first.post("/account/password", Map.of("currentPassword", TestData.PASSWORD,
				"newPassword", "another long passphrase", "confirmation", "another long passphrase"), true);
		assertThat(changed.location()).endsWith("/");
		assertThat(first.get("/departments").status()).isEqualTo(200);
		assertThat(second.get("/departments").location()).endsWith("/login?expired");

		accounts.resetPassword(((WaterholeUser) data.user(email)).getAccountId(), "reset by the strategist");
		assertThat(first.get("/departments").location()).endsWith("/login?expired");
	}

	@Test
	void moving_a_person_to_another_department_ends_their_sessions_so_readings_count_where_they_are() {
		String email = data.account(Role.STAFF);
		Visitor staff = signedIn(email);
		long personId = ((WaterholeUser) data.user(email)).getPersonId();
		PersonForm form = people.form(personId);
		form.setDepartmentId(data.department());
		people.update(personId, form);

		assertThat(staff.get("/library").location()).endsWith("/login?expired");
		assertThat(((WaterholeUser) data.user(email)).getDepartmentId()).isEqualTo(form.getDepartmentId());
	}

	@Test
	void a_form_sent_after_the_session_ended_says_so_instead_of_forbidden() {
		Visitor visitor = new Visitor(port);
		Visitor.Page page = visitor.post("/login", Map.of("email", "x@example.org", "password", "y", "_csrf", "stale"),
				false);
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.heading()).isEqualTo("That form was not sent");
	}

	private Visitor signedIn(String email) {
		Visitor visitor = new Visitor(port);
		assertThat(visitor.signIn(email, TestData.PASSWORD).location()).endsWith("/");
		return visitor;
	}

}
