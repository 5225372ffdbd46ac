package org.waterhole.organization;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.support.Directory;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Signing in with a directory password through the login form, against an LDAP directory in the
 * test's JVM: bind, wrong password, groups to roles, attributes to the person, a directory that
 * is away (and local accounts that still sign in).
 */
@WaterholeTest
class DirectorySignInTests {

	private static final Directory directory = Directory.start();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestData data;

	@DynamicPropertySource
	static void directory(DynamicPropertyRegistry properties) {
		properties.add("waterhole.ldap.url", directory::url);
		properties.add("waterhole.ldap.base-dn", () -> Directory.BASE_DN);
		properties.add("waterhole.ldap.user-search-base", () -> "ou=people");
		properties.add("waterhole.ldap.group-search-base", () -> "ou=groups");
		properties.add("waterhole.sign-in.groups.manager", () -> "waterhole-managers");
	}

	@AfterAll
	static void stopDirectory() {
		directory.close();
	}

	@Test
	void a_directory_password_signs_in_and_makes_the_account_and_person_from_the_entry() throws Exception {
		mvc.perform(formLogin("/login").userParameter("email").user("Ada.Lovelace@university.example")
				.password("analytical-engine-1843"))
			.andExpect(authenticated().withRoles("STAFF"))
			.andExpect(redirectedUrl("/"));

		assertThat(accountOf("ada.lovelace@university.example")).containsEntry("name", "Ada Lovelace")
			.containsEntry("job_title", "Research Impact Officer")
			.containsEntry("department", "Research Office")
			.containsEntry("role", "STAFF")
			.containsEntry("password_hash", null);
	}

	@Test
	void a_wrong_directory_password_is_refused() throws Exception {
		mvc.perform(formLogin("/login").userParameter("email").user("ada.lovelace@university.example")
				.password("difference-engine"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void someone_in_neither_the_directory_nor_waterhole_is_refused() throws Exception {
		mvc.perform(formLogin("/login").userParameter("email").user("nobody@university.example").password("anything at all"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void the_managers_group_gives_the_managers_role_and_the_department_is_matched_by_name() throws Exception {
		mvc.perform(formLogin("/login").userParameter("email").user("grace.hopper@university.example")
				.password("compiler-cobol-1959"))
			.andExpect(authenticated().withRoles("MANAGER"));

		assertThat(accountOf("grace.hopper@university.example")).containsEntry("department", "IT Services")
			.containsEntry("role", "MANAGER");
	}

	@Test
	void someone_whose_entry_names_no_department_is_asked_for_it() throws Exception {
		mvc.perform(formLogin("/login").userParameter("email").user("alan.turing@university.example")
				.password("imitation-game-1950"))
			.andExpect(authenticated().withRoles("STAFF"))
			.andExpect(redirectedUrl("/account/department"));
	}

	@Test
	void a_directory_that_is_away_gives_its_message_and_local_accounts_still_sign_in() throws Exception {
		String local = data.account(Role.STAFF);
		directory.stop();
		try {
			mvc.perform(formLogin("/login").userParameter("email").user("ada.lovelace@university.example")
					.password("analytical-engine-1843"))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?problem=directory"));
			mvc.perform(formLogin("/login").userParameter("email").user(local).password(TestData.PASSWORD))
				.andExpect(authenticated().withRoles("STAFF"));
		}
		finally {
			directory.restart();
		}
	}

	private Map<String, Object> accountOf(String email) {
		return jdbc.sql("""
				select p.name, p.job_title, d.name as department, a.role, a.password_hash
				from person p join account a on a.person_id = p.id left join department d on d.id = p.department_id
				where p.email = ?
				""").param(email).query().singleRow();
	}


}
