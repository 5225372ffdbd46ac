package org.waterhole.organization;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.waterhole.support.BrowserTest;
import org.waterhole.support.TestData;
import org.waterhole.support.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: a staff member opens their data from the account menu, downloads it as JSON with
 * their session, then keeps their name off their readings on the account page and finds their
 * data page saying so. axe-core finds no serious problem on either page.
 */
class PersonalDataBrowserTests extends BrowserTest {

	@Autowired
	TestData data;

	@Test
	void a_staff_member_reads_downloads_and_keeps_their_name_off_their_readings() {
		String email = data.account(Role.STAFF, data.department());
		signInAs(email, TestData.PASSWORD);

		openFromAccountMenu(By.id("nav-own-data"));
		browser.waitForUrlEnding("/account/data");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Your data");
		assertThat(browser.driver().findElement(By.cssSelector("#kind-account td")).getText()).isEqualTo(email);
		assertThat(browser.driver().findElement(By.id("readings-choice")).getText()).contains("may be connected");
		assertThat(browser.seriousAccessibilityViolations()).as("/account/data").isEmpty();

		String href = browser.driver().findElement(By.id("data-json")).getAttribute("href");
		String session = browser.driver().manage().getCookieNamed(Visitor.SESSION_COOKIE).getValue();
		Visitor.Page file = new Visitor(port).request("GET", URI.create(href).getPath(),
				Map.of("Cookie", Visitor.SESSION_COOKIE + "=" + session));
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				disposition -> assertThat(disposition).startsWith("attachment").contains("waterhole-data-"));
		assertThat(file.body()).contains("\"username\" : \"" + email + "\"");

		openFromAccountMenu(By.cssSelector("a.dropdown-item[href$='/account/readings']"));
		browser.waitForUrlEnding("/account/readings");
		assertThat(browser.seriousAccessibilityViolations()).as("/account/readings").isEmpty();
		browser.click(By.name("unnamed"));
		browser.click(By.cssSelector("main form button[type=submit]"));
		browser.await(d -> !d.findElements(By.cssSelector(".alert-success")).isEmpty());
		assertThat(browser.driver().findElement(By.cssSelector(".alert-success")).getText())
			.contains("Your name will not be connected to what you read");

		openFromAccountMenu(By.id("nav-own-data"));
		browser.waitForUrlEnding("/account/data");
		assertThat(browser.driver().findElement(By.id("readings-choice")).getText())
			.contains("You chose that your name is never connected to what you read");
	}

	private void openFromAccountMenu(By item) {
		browser.click(By.id("user-menu"));
		browser.await(d -> d.findElement(item).isDisplayed());
		browser.click(item);
	}

}
