package org.waterhole.playbook;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.casestudy.Readings;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.support.BrowserTest;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strategist's journeys in headless Chromium: from the agenda on the home page, accepting
 * "recruit a champion" for a new department opens the invitation with its keenest reader filled
 * in; the strategist sends it, and the reader, signed in, reads it, accepts it and is in the
 * champion directory. axe-core finds no serious problem on the agenda, the department's readiness
 * page, the invitation's form, the invitee's page and the strategist's list of invitations.
 */
class PlaybookBrowserTests extends BrowserTest {

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	Readings readings;

	@Autowired
	DepartmentService departments;

	@Test
	void the_strategist_invites_a_keen_reader_from_the_agenda_and_they_accept() {
		// First, as an account comes with a department of its own, which would be newer than the one below.
		String strategist = data.account(Role.STRATEGIST);
		// The reader has an account (and so the newest department, which is theirs): made a minute
		// after every other test's department, whenever other tests put their clock.
		Instant newest = jdbc.sql("select max(created_at) from department").query(Instant.class).single();
		TestClock.get().advance(Duration.between(TestClock.now(), newest).plusMinutes(1));
		String readerEmail = data.account(Role.STAFF);
		WaterholeUser reader = (WaterholeUser) data.user(readerEmail);
		long department = reader.getDepartmentId();
		String name = departmentName(department);
		// Read 100 days ago: a keen reader (a year counts), yet no reach (90 days): the score stays 0,
		// and the newest department among the lowest scores comes first on the agenda.
		readings.record(caseStudies.published(TestData.unique("Read long ago")), reader.getPersonId(), department,
				TestClock.now().minus(Duration.ofDays(100)));

		signInAs(strategist, TestData.PASSWORD);
		browser.open("/");
		WebElement agenda = browser.driver().findElement(By.id("agenda"));
		assertThat(agenda.findElement(By.id("agenda-heading")).getText()).isEqualTo("Your agenda");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		WebElement first = agenda.findElement(By.cssSelector(".agenda-suggestion"));
		assertThat(first.getText()).contains(name).contains("Recruit a champion").contains("readiness 0");
		assertThat(first.getAttribute("data-rule")).isEqualTo("RECRUIT_CHAMPION");

		first.findElement(By.linkText("Invite a champion")).click();

		browser.await(d -> d.getCurrentUrl().contains("/champions/invitations/new?person=" + reader.getPersonId()));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Invite a champion");
		assertThat(browser.driver().findElement(By.id("personEmail")).getAttribute("value")).isEqualTo(readerEmail);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.driver().findElement(By.id("message")).sendKeys("You read more than anyone: would you show others?");
		browser.driver().findElement(By.id("skills")).sendKeys("video");
		browser.click(By.cssSelector("#invitation-form button[type=submit]"));
		browser.await(d -> d.getCurrentUrl().contains("/champions/requests"));
		assertThat(browser.driver().findElement(By.cssSelector("#invitation-list tr.invitation-row[data-status=PENDING]"))
			.getText()).contains(reader.getDisplayName()).contains("Waiting for an answer");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.open("/playbook/departments/" + department);
		assertThat(browser.driver().findElement(By.id("readiness-score")).getText()).startsWith("0");
		assertThat(browser.driver().findElement(By.id("suggestion-RECRUIT_CHAMPION")).getText())
			.contains(reader.getDisplayName());
		assertThat(browser.driver().findElements(By.cssSelector("#movement tbody tr"))).hasSize(13);
		browser.click(By.cssSelector("#suggestion-RECRUIT_CHAMPION summary"));
		assertThat(browser.driver().findElement(By.id("reason-RECRUIT_CHAMPION")).isDisplayed()).isTrue();
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.open("/adoption/departments/" + department);
		assertThat(browser.driver().findElement(By.linkText("Readiness and next steps")).getAttribute("href"))
			.endsWith("/playbook/departments/" + department);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		// The reader signs in: the invitation waits on the home page; they accept it with their pitch.
		signInAs(readerEmail, TestData.PASSWORD);
		browser.click(By.cssSelector(".invitation-notice a"));
		browser.waitForUrlEnding("/champions/invitations/mine");
		assertThat(browser.driver().findElement(By.cssSelector(".invitation-message")).getText())
			.isEqualTo("You read more than anyone: would you show others?");
		assertThat(browser.driver().findElement(By.cssSelector("#accept-form #skills")).getAttribute("value"))
			.isEqualTo("video");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.driver().findElement(By.cssSelector("#accept-form #pitch")).sendKeys("I can show short videos.");
		browser.click(By.cssSelector("#accept-form button[type=submit]"));
		browser.await(d -> d.findElement(By.tagName("h1")).getText().equals(reader.getDisplayName()));
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("I can show short videos.");

		browser.open("/champions?q=" + java.net.URLEncoder.encode(reader.getDisplayName(), java.nio.charset.StandardCharsets.UTF_8));
		assertThat(browser.driver().findElements(By.cssSelector(".champion-card"))).singleElement()
			.satisfies(card -> assertThat(card.getText()).contains(reader.getDisplayName()).contains("Active"));
		assertThat(browser.driver().findElements(By.cssSelector(".invitation-notice"))).isEmpty();
	}

	private String departmentName(long department) {
		return departments.details(department).name();
	}

	/**
	 * On a department's readiness page the strategist dismisses a suggestion with a reason, takes
	 * the dismissal back, then gives the department its own check-in interval: a refused value
	 * first, then 14 days, which the page then explains. axe-core: the page with a dismissal and
	 * the form with its error.
	 */
	@Test
	void the_strategist_dismisses_and_shows_again_a_suggestion_and_sets_the_check_in_interval() {
		String strategist = data.account(Role.STRATEGIST);
		long department = data.department(TestData.unique("Own rhythm"));
		signInAs(strategist, TestData.PASSWORD);

		browser.open("/playbook/departments/" + department);
		browser.click(By.cssSelector("#suggestion-RECRUIT_CHAMPION summary"));
		browser.driver().findElement(By.id("reason-RECRUIT_CHAMPION")).sendKeys("Their head picks one in spring");
		browser.click(By.cssSelector("#suggestion-RECRUIT_CHAMPION form button[type=submit]"));
		browser.await(d -> !d.findElements(By.id("dismissed")).isEmpty());
		assertThat(browser.driver().findElement(By.id("dismissed")).getText()).contains("Their head picks one in spring");
		assertThat(browser.driver().findElements(By.id("suggestion-RECRUIT_CHAMPION"))).isEmpty();
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.click(By.cssSelector("#dismissed button.restore"));
		browser.await(d -> !d.findElements(By.id("suggestion-RECRUIT_CHAMPION")).isEmpty());
		assertThat(browser.driver().findElement(By.cssSelector(".alert-success")).getText())
			.contains("back among the next steps");
		assertThat(browser.driver().findElements(By.id("dismissed"))).isEmpty();

		browser.click(By.linkText("Change the interval"));
		browser.waitForUrlEnding("/departments/" + department + "/edit");
		browser.driver().findElement(By.id("checkInDays")).sendKeys("0");
		browser.click(By.cssSelector("main form button[type=submit]"));
		browser.await(d -> !d.findElements(By.id("checkInDays-error")).isEmpty());
		assertThat(browser.driver().findElement(By.id("checkInDays-error")).getText()).isEqualTo("Enter at least 1.");
		assertThat(browser.driver().findElement(By.id("checkInDays-error")).isDisplayed()).isTrue();
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		WebElement days = browser.driver().findElement(By.id("checkInDays"));
		days.clear();
		days.sendKeys("14");
		browser.click(By.cssSelector("main form button[type=submit]"));
		browser.waitForUrlEnding("/departments/" + department);
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("14 days");

		browser.open("/playbook/departments/" + department);
		assertThat(browser.driver().findElement(By.cssSelector(".check-in-interval")).getText())
			.isEqualTo("Every 14 days, the department’s own interval.");
	}

}
