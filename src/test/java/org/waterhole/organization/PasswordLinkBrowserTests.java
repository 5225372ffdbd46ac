package org.waterhole.organization;

import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waterhole.support.BrowserTest;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: the page a link from an e-mail opens sets the password (its errors shown on the
 * form), then the sign-in page has the email filled in and signs in with the new password; the
 * accounts page shows the invitation. axe-core finds no serious problem on the password pages
 * (with and without errors), the page of a link that no longer works, "forgot your password?",
 * and the accounts page with its invitation column. The link is made in the database as the
 * application makes it (only its hash kept): these tests run without an SMTP server.
 */
class PasswordLinkBrowserTests extends BrowserTest {

	private static final String NEW_PASSWORD = "kettle orbit meadow lantern";

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void an_invited_person_sets_their_password_in_the_browser_and_signs_in() {
		String name = TestData.unique("Browser invitee");
		String email = TestData.email(name);
		long person = data.person(name, data.department());
		jdbc.sql("insert into account (id, person_id, role, enabled) values (nextval('account_seq'), ?, 'STAFF', true)")
			.param(person)
			.update();
		String token = TestData.unique("browser-link").replace(' ', '-');
		jdbc.sql("""
				insert into password_link (id, account_id, purpose, token_hash, created_at, expires_at, sent_at)
				select nextval('password_link_seq'), a.id, 'INVITATION', ?, ?, ? + interval '7 days', ?
				from account a where a.person_id = ?
				""").param(PasswordLinks.hash(token)).param(TestClock.now().atOffset(ZoneOffset.UTC)).param(TestClock.now().atOffset(ZoneOffset.UTC)).param(TestClock.now().atOffset(ZoneOffset.UTC))
			.param(person).update();

		signInAs(data.account(Role.STRATEGIST), TestData.PASSWORD);
		browser.open("/accounts?q=" + email);
		assertThat(browser.driver().findElement(By.cssSelector("tbody tr")).getText()).contains("Not signed in yet");
		assertThat(browser.driver().findElement(By.cssSelector("tbody tr form button")).getText())
			.isEqualTo("Send the invitation again");
		assertThat(browser.seriousAccessibilityViolations()).as("/accounts").isEmpty();

		browser.driver().manage().deleteAllCookies();
		browser.open("/password/set?token=" + token);
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Choose your password");
		assertThat(browser.seriousAccessibilityViolations()).as("the password form").isEmpty();
		browser.driver().findElement(By.id("newPassword")).sendKeys(NEW_PASSWORD);
		browser.driver().findElement(By.id("confirmation")).sendKeys("something else entirely");
		browser.click(By.cssSelector("main form button[type=submit]"));
		browser.await(d -> !d.findElements(By.id("confirmation-error")).isEmpty());
		assertThat(browser.driver().findElement(By.id("confirmation-error")).getText()).contains("not the same");
		assertThat(browser.seriousAccessibilityViolations()).as("the password form with an error").isEmpty();

		browser.driver().findElement(By.id("newPassword")).sendKeys(NEW_PASSWORD);
		browser.driver().findElement(By.id("confirmation")).sendKeys(NEW_PASSWORD);
		browser.click(By.cssSelector("main form button[type=submit]"));
		browser.waitForUrlEnding("/login");
		assertThat(browser.driver().findElement(By.cssSelector(".alert-success")).getText()).contains("Your password is set");
		assertThat(browser.driver().findElement(By.id("email")).getAttribute("value")).isEqualTo(email);
		browser.driver().findElement(By.id("password")).sendKeys(NEW_PASSWORD);
		browser.click(By.cssSelector("main form button[type=submit]"));
		browser.waitForUrlEnding("/");

		browser.driver().manage().deleteAllCookies();
		browser.open("/password/set?token=" + token);
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("This link doesn’t work any more");
		assertThat(browser.seriousAccessibilityViolations()).as("a link that no longer works").isEmpty();
		browser.click(By.linkText("Get a new link"));
		browser.waitForUrlEnding("/password/forgot");
		assertThat(browser.seriousAccessibilityViolations()).as("forgot your password?").isEmpty();
	}

}
