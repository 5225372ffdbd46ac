package org.waterhole.playbook;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.OrganizationDemoData;
import org.waterhole.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo manager's journey in headless Chromium: the home page opens on Admissions with its
 * rank among the departments, and its link to the comparison lists every department, sorted by
 * readiness. axe-core finds no serious problem on either page.
 */
class ManagerBrowserTests extends BrowserTest {

	@Autowired
	DepartmentService departments;

	@Test
	void the_demo_manager_sees_admissions_at_a_glance_and_compares_every_department() {
		signInAs(OrganizationDemoData.MANAGER_EMAIL, OrganizationDemoData.PASSWORD);
		browser.open("/");

		WebElement mine = browser.driver().findElement(By.id("my-department"));
		assertThat(mine.findElement(By.tagName("h2")).getText()).isEqualTo("Admissions at a glance");
		// Ranked among the departments whose readiness a manager may see (five people or more).
		assertThat(browser.driver().findElement(By.id("my-rank")).getText())
			.containsPattern("\\d+ of \\d+ departments by readiness");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		mine.findElement(By.linkText("Compare every department")).click();

		browser.waitForUrlEnding("/playbook?sort=-readiness");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Departments compared");
		List<String> names = browser.driver()
			.findElements(By.cssSelector("#comparison tbody th"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(names).hasSize(departments.options().size()).contains("Admissions", "Library", "Research Office");
		assertThat(browser.driver().findElement(By.cssSelector("th[data-column=readiness]")).getAttribute("aria-sort"))
			.isEqualTo("descending");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

}
