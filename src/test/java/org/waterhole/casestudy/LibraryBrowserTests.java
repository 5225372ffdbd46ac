package org.waterhole.casestudy;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.waterhole.organization.Role;
import org.waterhole.support.BrowserTest;
import org.waterhole.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's journeys in headless Chromium: a staff member finds a case study from the start
 * page, narrows the search by platform (htmx), opens it and marks it helpful; a strategist
 * writes one and publishes it. axe-core finds no serious problem on the pages on the way.
 */
class LibraryBrowserTests extends BrowserTest {

	@Autowired
	TestData data;

	@Autowired
	CaseStudies caseStudies;

	@Test
	void staff_find_a_case_study_in_two_steps_filter_it_read_it_and_mark_it_helpful() {
		String word = LibrarySearchTests.word();
		String onTikTok = "Campus tours " + word;
		caseStudies.published(onTikTok, f -> {
			f.getPlatforms().clear();
			f.getPlatforms().add(org.waterhole.shared.Platform.TIKTOK);
		});
		caseStudies.published("Alumni stories " + word);

		signInAs(data.account(Role.STAFF), TestData.PASSWORD);

		// Step one: the search box on the start page; step two: the result.
		browser.driver().findElement(By.id("home-q")).sendKeys(word);
		browser.driver().findElement(By.cssSelector("form[action$='/library/search'] button")).click();
		browser.waitForUrlEnding("/library/search?q=" + word);
		assertThat(titles()).containsExactlyInAnyOrder(onTikTok, "Alumni stories " + word);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		// Ticking a platform updates the results in place and the address with them.
		browser.click(By.id("platform-TIKTOK"));
		browser.await(d -> titles().size() == 1);
		assertThat(titles()).containsExactly(onTikTok);
		assertThat(browser.driver().getCurrentUrl()).contains("platform=TIKTOK");
		assertThat(browser.driver().findElements(By.cssSelector(".active-filters .remove-filter"))).hasSize(1);

		browser.driver().findElement(By.linkText(onTikTok)).click();
		browser.await(d -> d.findElement(By.tagName("h1")).getText().equals(onTikTok));
		assertThat(browser.driver().findElement(By.cssSelector(".credibility .evidence-badge")).getText())
			.isEqualTo("Peer case study");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		WebElement helpful = browser.driver().findElement(By.cssSelector("#helpful-control button"));
		assertThat(helpful.getAttribute("aria-pressed")).isEqualTo("false");
		helpful.click();
		browser.await(d -> "true"
			.equals(d.findElement(By.cssSelector("#helpful-control button")).getAttribute("aria-pressed")));
		assertThat(browser.driver().findElement(By.cssSelector("#helpful-control [role=status]")).getText())
			.isEqualTo("1 person found it helpful");
	}

	@Test
	void the_library_front_page_is_accessible() {
		signInAs(data.account(Role.MANAGER), TestData.PASSWORD);
		browser.open("/library");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Case-study library");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	@Test
	void a_strategist_writes_previews_and_publishes_a_case_study() {
		String title = "Written in Chromium " + LibrarySearchTests.word();
		signInAs(data.account(Role.STRATEGIST), TestData.PASSWORD);
		browser.open("/library/new");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.driver().findElement(By.id("title")).sendKeys(title);
		browser.driver().findElement(By.id("summary")).sendKeys("A short summary.");
		browser.driver().findElement(By.id("body")).sendKeys("## What happened\n\nIt **worked**.");
		browser.driver().findElement(By.id("sourceName")).sendKeys("Sample source (fictional)");
		new Select(browser.driver().findElement(By.id("evidenceType"))).selectByVisibleText("Internal result");
		browser.click(By.cssSelector("input[name=platforms][value=LINKEDIN]"));
		browser.driver().findElement(By.id("tags")).sendKeys("staff hiring, video");

		browser.click(By.cssSelector("button[name=preview]"));
		browser.await(d -> !d.findElements(By.cssSelector("#preview-heading + .case-study-body strong")).isEmpty());
		assertThat(browser.driver().findElement(By.id("title")).getAttribute("value")).isEqualTo(title);

		browser.click(By.cssSelector("main form button.btn-primary[type=submit]"));
		browser.await(d -> d.findElement(By.tagName("h1")).getText().equals(title));
		assertThat(browser.driver().findElement(By.cssSelector(".alert-warning")).getText()).contains("draft");

		browser.click(By.xpath("//button[normalize-space()='Publish']"));
		browser.await(d -> d.findElement(By.cssSelector(".alert-success")).getText().contains("Published"));
		assertThat(browser.driver().findElements(By.cssSelector(".alert-warning"))).isEmpty();
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	private java.util.List<String> titles() {
		return browser.driver()
			.findElements(By.cssSelector(".search-results .card-title a"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

}
