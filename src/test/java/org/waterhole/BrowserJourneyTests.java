package org.waterhole;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.waterhole.organization.OrganizationDemoData;
import org.waterhole.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation's journeys in a real browser (headless Chromium): each demo role signs in
 * and sees its own navigation; the login and start pages have no serious accessibility problem.
 */
class BrowserJourneyTests extends BrowserTest {

	@Test
	void the_login_page_has_no_serious_accessibility_problem() {
		browser.driver().manage().deleteAllCookies();
		browser.open("/login");
		assertThat(browser.driver().getTitle()).isEqualTo("Sign in · Waterhole");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	@Test
	void the_strategist_sees_the_whole_navigation_and_an_accessible_start_page() {
		signInAs(OrganizationDemoData.STRATEGIST_EMAIL);
		assertThat(navigation()).containsExactly("Library", "Experiments", "Champions", "Adoption", "Dashboard", "Departments",
				"People", "Accounts");
		assertThat(browser.driver().findElement(By.cssSelector(".user-name")).getText()).isEqualTo("Sam Rivera");
		assertThat(browser.driver().findElement(By.cssSelector(".user-role")).getText()).isEqualTo("Strategist");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.open("/people");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("People");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		signOut();
	}

	@Test
	void the_manager_sees_the_modules_and_departments_only() {
		signInAs(OrganizationDemoData.MANAGER_EMAIL);
		assertThat(navigation()).containsExactly("Library", "Experiments", "Champions", "Adoption", "Dashboard",
				"Departments");
		assertThat(browser.driver().findElement(By.cssSelector(".user-role")).getText()).isEqualTo("Manager");
		signOut();
	}

	@Test
	void staff_see_the_modules_and_departments_only_and_are_refused_the_people_page() {
		signInAs(OrganizationDemoData.STAFF_EMAIL);
		assertThat(navigation()).containsExactly("Library", "Experiments", "Champions", "Adoption", "Departments");
		assertThat(browser.driver().findElement(By.cssSelector(".user-role")).getText()).isEqualTo("Staff");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.open("/people");
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");
		signOut();
	}

	@Test
	void a_wrong_password_keeps_the_visitor_on_the_login_page_with_a_message() {
		browser.driver().manage().deleteAllCookies();
		browser.signIn(OrganizationDemoData.STAFF_EMAIL, "not the password");
		browser.waitForUrlEnding("/login?error");
		assertThat(browser.driver().findElement(By.cssSelector(".alert-danger")).getText())
			.contains("don’t match an account");
	}

	@Test
	void pages_fit_a_375_pixel_wide_phone_without_sideways_scrolling() {
		signInAs(OrganizationDemoData.STRATEGIST_EMAIL);
		browser.driver().manage().window().setSize(new Dimension(375, 800));
		try {
			for (String path : List.of("/", "/departments", "/people", "/accounts", "/people/import")) {
				browser.open(path);
				Object overflow = ((JavascriptExecutor) browser.driver())
					.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
				assertThat(((Number) overflow).intValue()).as(path).isLessThanOrEqualTo(0);
			}
			assertThat(browser.driver().findElement(By.cssSelector(".navbar-toggler")).isDisplayed()).isTrue();
		}
		finally {
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
		}
	}

	private void signInAs(String email) {
		signInAs(email, OrganizationDemoData.PASSWORD);
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).startsWith("Welcome");
	}

	private void signOut() {
		browser.driver().findElement(By.id("user-menu")).click();
		browser.driver().findElement(By.cssSelector("form[action$='/logout'] button")).click();
		browser.waitForUrlEnding("/login?logout");
	}

	private List<String> navigation() {
		return browser.driver()
			.findElements(By.cssSelector("#main-nav .navbar-nav.me-auto .nav-link"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

}
