package org.waterhole.experiment;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.waterhole.organization.Role;
import org.waterhole.support.BrowserTest;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One experiment end to end in headless Chromium, as the strategist runs it: create, plan (with
 * its planned dates, asked for in place), start, two
 * measurements (added in place by htmx), the chart, completion with outcome and learnings.
 * axe-core finds no serious problem on the list, the board and the experiment's page.
 */
class ExperimentBrowserTests extends BrowserTest {

	@Autowired
	TestData data;

	@Test
	void the_strategist_runs_an_experiment_end_to_end() {
		String email = data.account(Role.STRATEGIST);
		String title = "Weekly reel " + TestData.unique("browser");
		signInAs(email, TestData.PASSWORD);

		browser.open("/experiments");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.open("/experiments/board");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.open("/experiments/new");
		type("title", title);
		type("hypothesis", "If we post a weekly reel, then saves will rise, because people share short video.");
		new Select(browser.driver().findElement(By.id("platform"))).selectByVisibleText("Instagram");
		new Select(browser.driver().findElement(By.id("departmentId"))).selectByIndex(1);
		clearAndType("impact", "8");
		type("metricName", "Saves per reel");
		type("metricUnit", "saves");
		type("baseline", "10");
		type("target", "30");
		browser.click(By.cssSelector("main form button.btn-primary[type=submit]"));
		browser.await(d -> d.findElement(By.tagName("h1")).getText().equals(title));
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		// Planning asks for the planned dates in place: without them it says so at the fields.
		browser.click(By.xpath("//button[normalize-space()='Plan it']"));
		browser.await(d -> !d.findElements(By.id("plannedStart-error")).isEmpty());
		assertThat(browser.driver().findElement(By.id("plannedStart-error")).getText())
			.isEqualTo("Enter the day it should start.");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		setDate("#plan-form input[name=plannedStart]", TestClock.today());
		setDate("#plan-form input[name=plannedEnd]", TestClock.today().plusDays(28));
		browser.click(By.xpath("//button[normalize-space()='Plan it']"));
		browser.await(d -> d.findElement(By.cssSelector(".status-badge")).getText().equals("Planned"));
		assertThat(browser.driver().findElement(By.cssSelector(".experiment-facts")).getText())
			.doesNotContain("Not known");
		browser.click(By.xpath("//button[normalize-space()='Start']"));
		browser.await(d -> d.findElement(By.cssSelector(".status-badge")).getText().equals("Running"));

		addMeasurement(TestClock.today(), "14");
		browser.await(d -> d.findElements(By.cssSelector("#measurements-table tr.measurement")).size() == 1);
		addMeasurement(TestClock.today(), "20");
		browser.await(d -> d.findElements(By.cssSelector("#measurements-table tr.measurement")).size() == 2);
		assertThat(browser.driver().findElement(By.cssSelector(".progress-words")).getText())
			.contains("50% of the way to target");
		Object chartPoints = ((JavascriptExecutor) browser.driver()).executeScript(
				"var c = Chart.getChart(document.getElementById('measurement-chart')); return c ? c.data.datasets[0].data.length : -1;");
		assertThat(((Number) chartPoints).intValue()).isEqualTo(2);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		// Each measurement's row has its own delete form, posting to that measurement's address.
		addMeasurement(TestClock.today(), "99");
		browser.await(d -> d.findElements(By.cssSelector("#measurements-table tr.measurement")).size() == 3);
		List<WebElement> deletes = browser.driver().findElements(By.cssSelector("#measurements-table tr.measurement form button[type=submit]"));
		browser.click(deletes.get(deletes.size() - 1));
		browser.driver().switchTo().alert().accept();
		browser.await(d -> d.findElements(By.cssSelector("#measurements-table tr.measurement")).size() == 2);
		assertThat(browser.driver().findElements(By.cssSelector("#measurements-table tr.measurement")))
			.extracting(row -> row.getAttribute("data-value"))
			.containsExactly("14.0000", "20.0000");

		new Select(browser.driver().findElement(By.id("outcome"))).selectByVisibleText("Succeeded");
		type("learnings", "Captions doubled the saves.");
		browser.click(By.xpath("//button[normalize-space()='Complete']"));
		browser.await(d -> d.findElement(By.cssSelector(".status-badge")).getText().equals("Completed"));
		assertThat(browser.driver().findElement(By.cssSelector(".result .learnings-text")).getText())
			.isEqualTo("Captions doubled the saves.");
		assertThat(browser.driver().findElement(By.cssSelector(".outcome-badge")).getText()).isEqualTo("Succeeded");
	}

	private void addMeasurement(LocalDate on, String value) {
		WebElement date = browser.driver().findElement(By.cssSelector(".add-measurement input[name=measuredOn]"));
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", date, on.toString());
		WebElement field = browser.driver().findElement(By.cssSelector(".add-measurement input[name=value]"));
		field.clear();
		field.sendKeys(value);
		browser.click(By.cssSelector(".add-measurement button[type=submit]"));
	}

	private void setDate(String selector, LocalDate on) {
		WebElement date = browser.driver().findElement(By.cssSelector(selector));
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", date, on.toString());
	}

	private void type(String id, String text) {
		browser.driver().findElement(By.id(id)).sendKeys(text);
	}

	private void clearAndType(String id, String text) {
		WebElement field = browser.driver().findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

}
