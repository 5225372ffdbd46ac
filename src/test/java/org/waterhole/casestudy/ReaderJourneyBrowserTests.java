package org.waterhole.casestudy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.waterhole.champion.ChampionStatus;
import org.waterhole.champion.ChampionsData;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.shared.Platform;
import org.waterhole.support.BrowserTest;
import org.waterhole.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From reading to help in headless Chromium: a staff member searches, finds their department's
 * case study first, reads it, asks a champion about it and reaches the champion's profile.
 * axe-core finds no serious problem on the pages on the way.
 */
class ReaderJourneyBrowserTests extends BrowserTest {

	@Autowired
	TestData data;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	ChampionsData champions;

	@Test
	void staff_search_read_their_departments_case_study_and_ask_a_champion_about_it() {
		String email = data.account(Role.STAFF);
		WaterholeUser staff = (WaterholeUser) data.user(email);
		String word = LibrarySearchTests.word();
		String skill = "skill-" + word;
		String mine = "Ours " + word;
		caseStudies.published(mine, f -> {
			f.setDepartmentIds(new LinkedHashSet<>(Set.of(staff.getDepartmentId())));
			f.setTags(skill);
		});
		caseStudies.published("Theirs " + word, f -> f.setDepartmentIds(new LinkedHashSet<>(Set.of(data.department()))));
		String champion = "Champion " + TestData.unique("nearby");
		champions.champion(data.person(champion, staff.getDepartmentId()), ChampionStatus.ACTIVE,
				Set.of(Platform.WHATSAPP), Set.of(skill), true);

		signInAs(email, TestData.PASSWORD);
		browser.open("/library/search?q=" + word);
		assertThat(titles()).containsExactly(mine, "Theirs " + word);
		assertThat(browser.driver().findElement(By.cssSelector(".own-first")).getText()).contains("come first");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.click(By.linkText(mine));
		browser.await(d -> d.findElement(By.tagName("h1")).getText().equals(mine));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.click(By.linkText("Ask a champion about this"));
		browser.await(d -> !d.findElements(By.cssSelector(".why-listed")).isEmpty());
		assertThat(browser.driver().findElement(By.cssSelector(".why-listed")).getText()).contains(skill);
		assertThat(browser.driver().findElements(By.cssSelector(".champion-card .card-title a")).get(0).getText())
			.isEqualTo(champion);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.click(By.linkText(champion));
		browser.await(d -> d.findElement(By.tagName("h1")).getText().equals(champion));
		assertThat(browser.driver().findElement(By.cssSelector(".recent-activities")).getText())
			.isEqualTo("No activity in the last 90 days");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	private List<String> titles() {
		return browser.driver()
			.findElements(By.cssSelector(".search-results .card-title a"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

}
