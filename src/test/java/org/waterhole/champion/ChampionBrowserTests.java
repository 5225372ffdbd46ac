package org.waterhole.champion;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.Platform;
import org.waterhole.support.BrowserTest;
import org.waterhole.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory in headless Chromium: a staff member finds an active champion of their own
 * department who knows a platform and opens the profile; a staff member volunteers and the
 * strategist accepts. axe-core finds no serious problem on the directory, a profile and the
 * coverage page.
 */
class ChampionBrowserTests extends BrowserTest {

	@Autowired
	TestData data;

	@Autowired
	ChampionsData champions;

	@Test
	void staff_find_a_champion_of_their_department_for_a_platform_in_two_steps() {
		String email = data.account(Role.STAFF);
		WaterholeUser staff = (WaterholeUser) data.user(email);
		String name = "Champion " + TestData.unique("mine");
		champions.champion(data.person(name, staff.getDepartmentId()), ChampionStatus.ACTIVE,
				Set.of(Platform.MASTODON), Set.of("alt-text"), true);
		champions.champion(data.person("Champion " + TestData.unique("other"), staff.getDepartmentId()),
				ChampionStatus.ACTIVE, Set.of(Platform.YOUTUBE), Set.of("video"), false);

		signInAs(email, TestData.PASSWORD);
		browser.open("/champions");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		new Select(browser.driver().findElement(By.id("department"))).selectByValue(String.valueOf(staff.getDepartmentId()));
		browser.await(d -> d.getCurrentUrl().contains("department="));
		new Select(browser.driver().findElement(By.id("platform"))).selectByValue("MASTODON");
		browser.await(d -> d.getCurrentUrl().contains("platform=MASTODON")
				&& d.findElements(By.cssSelector(".champion-card")).size() == 1);
		assertThat(browser.driver().findElement(By.cssSelector(".champion-card .card-title")).getText()).isEqualTo(name);

		browser.click(By.linkText(name));
		browser.await(d -> d.findElement(By.tagName("h1")).getText().equals(name));
		WebElement contact = browser.driver().findElement(By.cssSelector("a[href^='mailto:']"));
		assertThat(contact.getAttribute("href")).startsWith("mailto:" + TestData.email(name));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.open("/champions/coverage");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	@Test
	void a_colleague_volunteers_and_the_strategist_accepts() {
		String volunteer = data.account(Role.STAFF);
		signInAs(volunteer, TestData.PASSWORD);
		browser.open("/champions/volunteer");
		browser.driver().findElement(By.id("pitch")).sendKeys("I film our lab's short videos and can show others.");
		browser.click(By.cssSelector("input[name=platforms][value=TIKTOK]"));
		browser.driver().findElement(By.id("skills")).sendKeys("Short form video");
		browser.click(By.cssSelector("main form button[type=submit]"));
		browser.await(d -> d.findElement(By.cssSelector(".waiting-offer")).getText().contains("with the strategist"));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		signInAs(data.account(Role.STRATEGIST), TestData.PASSWORD);
		browser.open("/champions/requests");
		String name = ((WaterholeUser) data.user(volunteer)).getDisplayName();
		WebElement card = browser.driver()
			.findElement(By.xpath("//article[.//h2[normalize-space()='" + name + "']]"));
		browser.click(card.findElement(By.xpath(".//button[normalize-space()='Accept']")));
		browser.await(d -> d.findElement(By.tagName("h1")).getText().equals(name));
		assertThat(browser.driver().findElement(By.cssSelector(".alert-success")).getText()).contains("champion now");
		assertThat(browser.driver().findElement(By.cssSelector("aside")).getText()).contains("short-form-video");
	}

}
