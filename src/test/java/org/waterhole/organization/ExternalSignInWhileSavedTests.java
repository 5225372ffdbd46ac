package org.waterhole.organization;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waterhole.support.Overlap;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-in through the identity provider that updates a person while someone else's save of
 * that person is still open: it waits for the save and applies on top of it, never an error.
 */
@WaterholeTest
class ExternalSignInWhileSavedTests {

	@Autowired
	private ExternalSignIn signIns;

	@Autowired
	private TestData data;

	@Autowired
	private Overlap overlap;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void a_sign_in_while_the_person_is_saved_waits_and_keeps_the_save() throws Exception {
		String name = TestData.unique("Signing In");
		long person = data.person(name, null);

		// The save is held uncommitted until the sign-in is seen waiting for the person's row.
		Overlap.Outcome<SignInAccount> outcome = overlap.run(
				() -> jdbc.sql("update person set job_title = 'Saved title', version = version + 1 where id = ?")
					.param(person)
					.update(),
				() -> signIns.signIn(new ExternalIdentity(TestData.email(name), "Provider Name", null, null, null)));

		assertThat(outcome.thrown()).isNull();
		assertThat(outcome.waited()).as("the sign-in waited for the save").isTrue();
		assertThat(jdbc.sql("select name || ' / ' || job_title from person where id = ?")
			.param(person)
			.query(String.class)
			.single()).isEqualTo("Provider Name / Saved title");
	}

}
