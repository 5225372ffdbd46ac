package org.waterhole.adoption;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.waterhole.organization.OrganizationDemoData;
import org.waterhole.organization.Role;
import org.waterhole.support.BrowserTest;
import org.waterhole.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adoption pages in headless Chromium: a manager narrows the dashboard to two departments
 * and a year and sees its charts and tables follow; the demo manager opens it on a phone and
 * prints a report; the strategist records a stage change and
 * finds it on the timeline. axe-core finds no serious problem on the dashboard, the timeline and
 * a department's page.
 */
class AdoptionBrowserTests extends BrowserTest {

	@Autowired
	TestData data;

	@Autowired
	AdoptionLog log;

	@Test
	void a_manager_narrows_the_dashboard_to_two_departments_and_a_year() {
		String first = TestData.unique("Dashboard first");
		String second = TestData.unique("Dashboard second");
		long one = data.department(first);
		long two = data.department(second);
		RecordForm aware = RecordForm.of(one, LocalDate.of(2025, 2, 10), EventKind.STAGE_CHANGE, "Aware");
		aware.setToStage(Stage.AWARE);
		log.record(aware, data.person(null));
		RecordForm adopting = RecordForm.of(two, LocalDate.of(2025, 6, 20), EventKind.STAGE_CHANGE, "Adopting");
		adopting.setToStage(Stage.ADOPTING);
		log.record(adopting, data.person(null));

		signInAs(data.account(Role.MANAGER), TestData.PASSWORD);
		browser.open("/adoption/dashboard?scope=organisation");
		browser.await(d -> chartLabels() == 13);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		assertThat(rows("#monthly-table tr.month")).hasSize(13);
		// One series per stage, named as the table's columns, holding the table's counts.
		assertThat(chartSeries("label")).containsExactly("Unaware", "Aware", "Interested", "Experimenting", "Adopting",
				"Advocating", "Adoption index");
		JavascriptExecutor page = (JavascriptExecutor) browser.driver();
		assertThat(chartSeries("data.slice(0, 1)").subList(0, 6)).isEqualTo(page.executeScript(
				"return Array.from(document.querySelectorAll('#monthly-table tr.month:first-child td.stage-count'),"
						+ " function (cell) { return [Number(cell.textContent)]; });"));

		browser.click(By.cssSelector("#dashboard-filters summary"));
		browser.click(By.id("department-" + one));
		browser.await(d -> d.findElements(By.cssSelector("#dashboard-chosen .chip-name")).size() == 1);
		browser.click(By.id("department-" + two));
		browser.await(d -> d.findElements(By.cssSelector("#dashboard-chosen .chip-name")).size() == 2);
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		js.executeScript("document.getElementById('from').value = '2025-01-01';"
				+ "document.getElementById('to').value = '2025-12-31';"
				+ "document.getElementById('to').dispatchEvent(new Event('change', { bubbles: true }));");

		browser.await(d -> d.findElement(By.id("dashboard-scope")).getText().startsWith("2 departments")
				&& d.getCurrentUrl().contains("to=2025-12-31") && chartLabels() == 12);
		assertThat(rows("#monthly-table tr.month")).hasSize(12);
		// January: neither counts yet (on record since today, first stage changes in February and
		// June); December: one aware, one adopting (index 2.50).
		assertThat(cells("#monthly-table tr.month:first-child td")).containsExactly("0", "0", "0", "0", "0", "0", "0.00");
		assertThat(cells("#monthly-table tr.month:last-child td")).containsExactly("0", "1", "0", "0", "1", "0", "2.50");
		assertThat(cells("#dashboard-chosen .chip-name")).containsExactly(first, second);
		assertThat(browser.driver().findElement(By.cssSelector("#figures .figure-index")).getText()).isEqualTo("2.50");
		assertThat(rows("#reach-table tbody tr")).hasSize(2);
		WebElement export = browser.driver().findElement(By.cssSelector("#figures a[href*='export.csv'][href*='table=MONTHS']"));
		assertThat(export.getAttribute("href")).contains("department=" + one).contains("from=2025-01-01");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		// On a phone the wide tables scroll sideways, within reach of the keyboard.
		browser.driver().manage().window().setSize(new Dimension(375, 800));
		try {
			browser.driver().navigate().refresh();
			browser.await(d -> chartLabels() == 12);
			assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		}
		finally {
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
		}
	}

	/**
	 * The demo manager (Admissions) on a phone: the dashboard opens on Admissions with the
	 * organisation beside it; the checkbox filter (narrowed by typing) adds a second department,
	 * whose name shows as a chip; the printable report follows the filter.
	 */
	@Test
	void the_demo_manager_opens_the_dashboard_on_a_phone_and_prints_a_report() {
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		try {
			signInAs(OrganizationDemoData.MANAGER_EMAIL, OrganizationDemoData.PASSWORD);
			browser.open("/adoption/dashboard");
			browser.await(d -> chartLabels() == 13);
			assertThat(cells("#dashboard-chosen .chip-name")).containsExactly("Admissions");
			assertThat(cells("#stages-now thead th")).containsExactly("Stage", "Chosen", "Organisation");
			assertThat(rows(".key-figures .organisation-figure")).hasSize(4)
				.allSatisfy(figure -> assertThat(figure.getText()).startsWith("Organisation: "));
			assertThat(browser.seriousAccessibilityViolations()).isEmpty();
			assertThat(pageWidth()).isLessThanOrEqualTo(390);

			browser.click(By.cssSelector("#dashboard-filters summary"));
			WebElement narrow = browser.driver().findElement(By.id("department-narrow"));
			assertThat(narrow.isDisplayed()).isTrue();
			narrow.sendKeys("libr");
			browser.await(d -> d.findElements(By.cssSelector("#department-list .form-check"))
				.stream()
				.filter(WebElement::isDisplayed)
				.count() == 1);
			browser.click(By.xpath("//fieldset[@id='department-list']//label[normalize-space()='Library']"));
			browser.await(d -> cells("#dashboard-chosen .chip-name").equals(List.of("Admissions", "Library")));
			assertThat(browser.driver().getCurrentUrl()).contains("department=").contains("scope=organisation");
			assertThat(browser.driver().findElement(By.id("department-summary")).getText())
				.isEqualTo("Departments: 2 chosen");
			assertThat(browser.seriousAccessibilityViolations()).isEmpty();

			browser.click(By.id("printable-report"));
			browser.await(d -> d.getCurrentUrl().contains("/adoption/report"));
			assertThat(browser.driver().findElement(By.id("report-heading")).getText())
				.isEqualTo("Adoption report: Admissions, Library");
			assertThat(browser.driver().findElement(By.cssSelector("[data-print]")).isDisplayed()).isTrue();
			assertThat(cells("#report-standing tbody th")).containsExactly("Admissions", "Library");
			assertThat(browser.seriousAccessibilityViolations()).isEmpty();
			assertThat(pageWidth()).isLessThanOrEqualTo(390);
		}
		finally {
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
		}
	}

	@Test
	void the_strategist_records_a_stage_change_and_finds_it_on_the_timeline() {
		String name = TestData.unique("Recorded department");
		long department = data.department(name);
		String title = TestData.unique("Asked for the case studies");

		signInAs(data.account(Role.STRATEGIST), TestData.PASSWORD);
		browser.open("/adoption/events/new");
		assertThat(browser.driver().findElement(By.id("toStage")).isDisplayed()).isFalse();
		new Select(browser.driver().findElement(By.id("departmentId"))).selectByVisibleText(name);
		new Select(browser.driver().findElement(By.id("kind"))).selectByValue("STAGE_CHANGE");
		browser.await(d -> d.findElement(By.id("toStage")).isDisplayed());
		new Select(browser.driver().findElement(By.id("toStage"))).selectByValue("INTERESTED");
		browser.driver().findElement(By.id("title")).sendKeys(title);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
		browser.click(By.cssSelector("main form button[type=submit]"));

		browser.waitForUrlEnding("/adoption/departments/" + department);
		assertThat(browser.driver().findElement(By.cssSelector(".alert-success")).getText())
			.contains("Recorded on the timeline.");
		assertThat(browser.driver().findElement(By.cssSelector("main .stage-badge")).getText()).isEqualTo("Interested");
		browser.await(d -> ((Number) ((JavascriptExecutor) d)
			.executeScript("return window.Chart && Chart.getChart('stage-chart') ? 1 : 0")).intValue() == 1);
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();

		browser.open("/adoption");
		WebElement newest = browser.driver().findElement(By.cssSelector(".timeline-entry"));
		assertThat(newest.getText()).contains(title).contains(name).contains("Unaware").contains("Interested");
		assertThat(browser.seriousAccessibilityViolations()).isEmpty();
	}

	/** How wide the page is drawn: wider than the window, it would scroll sideways. */
	private long pageWidth() {
		return ((Number) ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth;")).longValue();
	}

	private long chartLabels() {
		Object labels = ((JavascriptExecutor) browser.driver()).executeScript(
				"var c = window.Chart && Chart.getChart('stage-distribution'); return c ? c.data.labels.length : -1;");
		return ((Number) labels).longValue();
	}

	/** A property of each series of the dashboard's chart, in order ({@code data.slice(0, 1)}: its first point). */
	@SuppressWarnings("unchecked")
	private List<Object> chartSeries(String property) {
		return (List<Object>) ((JavascriptExecutor) browser.driver()).executeScript(
				"return Chart.getChart('stage-distribution').data.datasets.map(function (d) { return d." + property + "; });");
	}

	private List<WebElement> rows(String css) {
		return browser.driver().findElements(By.cssSelector(css));
	}

	private List<String> cells(String css) {
		return rows(css).stream().map(WebElement::getText).toList();
	}

}
