package org.waterhole.organization;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WaterholeTest
class AccountPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void the_strategist_gives_a_person_an_account_who_can_then_sign_in() throws Exception {
		String name = TestData.unique("Newcomer");
		long personId = data.person(name, null);
		mvc.perform(post("/accounts").param("personId", String.valueOf(personId))
			.param("role", "MANAGER")
			.param("password", " twelve chars ok ")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/accounts"));
		mvc.perform(formLogin().user("email", TestData.email(name).toUpperCase()).password(" twelve chars ok "))
			.andExpect(authenticated().withRoles("MANAGER"));
		mvc.perform(formLogin().user("email", TestData.email(name)).password("twelve chars ok"))
			.andExpect(unauthenticated());
	}

	@Test
	void short_passwords_unknown_roles_and_second_accounts_are_refused() throws Exception {
		long personId = data.person(null);
		mvc.perform(post("/accounts").param("personId", String.valueOf(personId))
			.param("role", "KING")
			.param("password", "short")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "role", "password"))
			.andExpect(content().string(containsString("Use at least 12 characters.")))
			.andExpect(content().string(containsString("Choose one of the roles.")));

		String email = data.account(Role.STAFF);
		long holder = ((WaterholeUser) data.user(email)).getPersonId();
		mvc.perform(post("/accounts").param("personId", String.valueOf(holder))
			.param("role", "STAFF")
			.param("password", TestData.PASSWORD)
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "personId", "accounts.person.taken"));
	}

	@Test
	void a_disabled_account_cannot_sign_in_and_gets_the_same_message_as_a_wrong_password() throws Exception {
		String email = data.account(Role.STAFF);
		WaterholeUser user = (WaterholeUser) data.user(email);
		AccountForm form = accounts.form(user.getAccountId());
		mvc.perform(post("/accounts/{id}", user.getAccountId()).param("role", "STAFF")
			.param("_enabled", "on")
			.param("version", String.valueOf(form.getVersion()))
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(redirectedUrl("/accounts"));

		mvc.perform(formLogin().user("email", email).password(TestData.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin().user("email", "nobody@nowhere.example").password(TestData.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void a_tampered_checkbox_or_version_is_refused_with_a_message_on_the_form() throws Exception {
		long account = ((WaterholeUser) data.user(Role.STAFF)).getAccountId();
		long version = accounts.form(account).getVersion();
		mvc.perform(post("/accounts/{id}", account).param("role", "MANAGER")
			.param("enabled", "perhaps")
			.param("version", String.valueOf(version))
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tick the box, or leave it empty.")));
		mvc.perform(post("/accounts/{id}", account).param("role", "MANAGER")
			.param("enabled", "true")
			.param("version", "<script>")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This form came back incomplete or altered")));
		assertThat(accounts.form(account).getRole()).isEqualTo(Role.STAFF);
	}

	@Test
	void the_last_enabled_strategist_cannot_be_demoted() throws Exception {
		Page strategists = new Page(accounts.page(null, Role.STRATEGIST, Pageable.unpaged()));
		// Demote every strategist but one through the service, then try the last one on the page.
		WaterholeUser last = (WaterholeUser) data.user(Role.STRATEGIST);
		for (AccountRow row : strategists.rows()) {
			AccountForm form = accounts.form(row.getId());
			form.setRole(Role.MANAGER);
			accounts.update(row.getId(), form);
		}
		try {
			AccountForm form = accounts.form(last.getAccountId());
			mvc.perform(post("/accounts/{id}", last.getAccountId()).param("role", "STAFF")
				.param("enabled", "true")
				.param("version", String.valueOf(form.getVersion()))
				.with(csrf())
				.with(user(last)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("This is the last enabled strategist account")));
			assertThat(accounts.form(last.getAccountId()).getRole()).isEqualTo(Role.STRATEGIST);
		}
		finally {
			for (AccountRow row : strategists.rows()) {
				AccountForm form = accounts.form(row.getId());
				form.setRole(Role.STRATEGIST);
				accounts.update(row.getId(), form);
			}
		}
	}

	@Test
	void the_strategist_resets_a_password() throws Exception {
		String email = data.account(Role.STAFF);
		WaterholeUser user = (WaterholeUser) data.user(email);
		mvc.perform(post("/accounts/{id}/password", user.getAccountId()).param("newPassword", "a brand new secret")
			.param("confirmation", "a brand new secret typo")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The two new passwords are not the same.")));
		mvc.perform(post("/accounts/{id}/password", user.getAccountId()).param("newPassword", "a brand new secret")
			.param("confirmation", "a brand new secret")
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(redirectedUrl("/accounts"));
		assertThat(passwordEncoder.matches("a brand new secret", data.user(email).getPassword())).isTrue();
	}

	@Test
	void users_change_their_own_password_knowing_the_current_one() throws Exception {
		String email = data.account(Role.STAFF);
		UserDetails user = data.user(email);
		mvc.perform(post("/account/password").param("currentPassword", "wrong guess!!")
			.param("newPassword", "my next passphrase")
			.param("confirmation", "my next passphrase")
			.with(csrf())
			.with(user(user)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("passwordForm", "currentPassword", "password.currentWrong"));
		mvc.perform(post("/account/password").param("currentPassword", TestData.PASSWORD)
			.param("newPassword", "my next passphrase")
			.param("confirmation", "my next passphrase")
			.with(csrf())
			.with(user(user))).andExpect(redirectedUrl("/"));
		mvc.perform(formLogin().user("email", email).password("my next passphrase")).andExpect(authenticated());
	}

	@Test
	void a_common_password_or_one_close_to_it_is_refused_however_long() throws Exception {
		String email = data.account(Role.STAFF);
		UserDetails user = data.user(email);
		for (String common : java.util.List.of("password1234", "qwertyuiopasdf", "123456789012", "aaaaaaaaaaaaaaaa",
				"iloveyou1234")) {
			mvc.perform(post("/account/password").param("currentPassword", TestData.PASSWORD)
				.param("newPassword", common)
				.param("confirmation", common)
				.with(csrf())
				.with(user(user)))
				.andExpect(status().isOk())
				.andExpect(model().attributeHasFieldErrorCode("passwordForm", "newPassword", "AcceptablePassword"))
				.andExpect(content().string(containsString("one of the commonest, or close to one")));
		}
		assertThat(passwordEncoder.matches(TestData.PASSWORD, data.user(email).getPassword())).as("unchanged").isTrue();
	}

	private record Page(java.util.List<AccountRow> rows) {

		Page(org.springframework.data.domain.Page<AccountRow> page) {
			this(page.getContent());
		}

	}

}
