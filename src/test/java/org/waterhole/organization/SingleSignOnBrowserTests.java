package org.waterhole.organization;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waterhole.support.BrowserTest;
import org.waterhole.support.DemoIdentityProvider;
import org.waterhole.support.DemoIdentityProvider.DemoUser;
import org.waterhole.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on in Chromium through the real redirects: Waterhole, a real OpenID provider
 * (Spring Authorization Server, {@link DemoIdentityProvider}) on a port of its own, and the
 * provider's own login page in between.
 */
class SingleSignOnBrowserTests extends BrowserTest {

	private static final String MANAGERS = "test-managers";

	private static final String STRATEGISTS = "test-strategists";

	@Autowired
	private TestData data;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MessageSource messages;

	/** Started before Waterhole, which is given its address; it admits Waterhole once that runs. */
	private static final DemoIdentityProvider provider = DemoIdentityProvider.start(0, List.of());

	private long anyDepartment;

	@DynamicPropertySource
	static void singleSignOn(DynamicPropertyRegistry properties) {
		properties.add("waterhole.oidc.issuer-uri", provider::issuer);
		properties.add("waterhole.oidc.client-id", () -> DemoIdentityProvider.CLIENT_ID);
		properties.add("waterhole.oidc.client-secret", () -> DemoIdentityProvider.CLIENT_SECRET);
		properties.add("waterhole.oidc.label", () -> "Test SSO");
		properties.add("waterhole.sign-in.groups.manager", () -> MANAGERS);
		properties.add("waterhole.sign-in.groups.strategist", () -> STRATEGISTS);
	}

	@BeforeAll
	void admitWaterhole() {
		provider.admit("http://localhost:" + port);
	}

	@AfterAll
	void stopProvider() {
		provider.close();
	}

	@BeforeEach
	void freshVisit() {
		browser.driver().manage().deleteAllCookies();
		anyDepartment = data.department();
	}

	@Test
	void a_first_sign_in_makes_the_account_and_person_in_the_department_the_provider_names() {
		long library = departmentWithCode("LIB-" + TestData.unique("").strip());
		String code = jdbc.sql("select code from department where id = ?").param(library).query(String.class).single();
		DemoUser newcomer = user("newcomer", code, List.of());

		signInAtProvider(newcomer);

		browser.waitForUrlEnding("/");
		assertThat(browser.driver().getPageSource()).contains(newcomer.name());
		assertThat(jdbc.sql("""
				select p.name, p.job_title, p.department_id, a.role, a.hand_role, a.password_hash
				from person p join account a on a.person_id = p.id where p.email = ?
				""").param(newcomer.email()).query().singleRow())
			.containsEntry("name", newcomer.name())
			.containsEntry("job_title", newcomer.jobTitle())
			.containsEntry("department_id", library)
			.containsEntry("role", "STAFF")
			.containsEntry("hand_role", null)
			.containsEntry("password_hash", null);
		browser.open("/account/password");
		assertThat(browser.driver().findElement(By.cssSelector("main .alert-info")).getText())
			.isEqualTo(message("password.none"));
		assertThat(browser.driver().findElements(By.id("currentPassword"))).as("no form for a password they don't have")
			.isEmpty();
	}

	@Test
	void a_person_on_record_gets_the_account_and_keeps_their_record() {
		long department = data.department();
		long personId = data.person(department);
		String email = jdbc.sql("select email from person where id = ?").param(personId).query(String.class).single();
		DemoUser known = new DemoUser(TestData.unique("known").replace(' ', '-'), email.toUpperCase(), true,
				"Known Person", "Officer", null, List.of());

		signInAtProvider(known);

		browser.waitForUrlEnding("/");
		assertThat(jdbc.sql("select count(*) from person where email = ?").param(email).query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("select a.role from account a where a.person_id = ?").param(personId).query(String.class).single())
			.isEqualTo("STAFF");
		assertThat(jdbc.sql("select department_id from person where id = ?").param(personId).query(Long.class).single())
			.as("a provider that names no department leaves the one on record").isEqualTo(department);
	}

	@Test
	void groups_give_the_role_and_a_removed_group_demotes_at_the_next_sign_in() {
		DemoUser manager = user("manager", null, List.of(MANAGERS));
		signInAtProvider(manager);
		chooseAnyDepartment();
		browser.open("/adoption/dashboard");
		assertThat(browser.driver().getTitle()).doesNotContain(message("error.403.title"));
		assertThat(roleOf(manager)).isEqualTo("MANAGER");

		signOut();
		signInAtProvider(manager.withGroups(List.of()));

		browser.waitForUrlEnding("/");
		assertThat(roleOf(manager)).isEqualTo("STAFF");
		browser.open("/adoption/dashboard");
		assertThat(browser.driver().getPageSource()).contains(message("error.403.title"));
	}

	@Test
	void a_role_given_by_hand_stays_when_the_groups_give_less() {
		long department = departmentWithCode(null);
		DemoUser promoted = user("promoted", null, List.of());
		signInAtProvider(promoted);
		chooseDepartment(department);
		jdbc.sql("update account set role = 'MANAGER', hand_role = 'MANAGER' where person_id = (select id from person where email = ?)")
			.param(promoted.email())
			.update();
		signOut();

		signInAtProvider(promoted);

		browser.waitForUrlEnding("/");
		assertThat(roleOf(promoted)).isEqualTo("MANAGER");
	}

	@Test
	void a_disabled_account_is_refused_whatever_the_provider_says() {
		DemoUser switchedOff = user("disabled", null, List.of());
		signInAtProvider(switchedOff);
		chooseAnyDepartment();
		jdbc.sql("update account set enabled = false where person_id = (select id from person where email = ?)")
			.param(switchedOff.email())
			.update();
		signOut();

		signInAtProvider(switchedOff.withGroups(List.of(STRATEGISTS)));

		browser.waitForUrlEnding("/login?problem=disabled");
		assertThat(alert()).isEqualTo(message("login.problem.disabled"));
		assertThat(roleOf(switchedOff)).as("the groups changed nothing").isEqualTo("STAFF");
	}

	@Test
	void an_unverified_email_is_refused_and_nothing_is_made() {
		DemoUser unverified = new DemoUser(TestData.unique("unverified").replace(' ', '-'),
				TestData.unique("unverified").replace(' ', '.') + "@example.org", false, "Not Verified", null, null,
				List.of(STRATEGISTS));

		signInAtProvider(unverified);

		browser.waitForUrlEnding("/login?problem=unverified");
		assertThat(alert()).isEqualTo(message("login.problem.unverified"));
		assertThat(jdbc.sql("select count(*) from person where email = ?").param(unverified.email()).query(Long.class).single())
			.isZero();
	}

	@Test
	void a_tampered_state_is_refused() {
		DemoUser someone = user("tampered", null, List.of());
		provider.put(someone);
		browser.open("/login");
		browser.click(By.linkText("Sign in with Test SSO"));
		browser.await(driver -> driver.getCurrentUrl().startsWith(provider.issuer() + "/login"));

		browser.open("/login/oauth2/code/sso?code=stolen&state=forged");

		browser.waitForUrlEnding("/login?problem=interrupted");
		assertThat(alert()).isEqualTo(message("login.problem.interrupted"));
		browser.open("/");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
	}

	@Test
	void someone_without_a_department_chooses_theirs_once() {
		long department = departmentWithCode(null);
		DemoUser unplaced = user("unplaced", null, List.of());

		signInAtProvider(unplaced);
		chooseDepartment(department);

		browser.waitForUrlEnding("/");
		assertThat(jdbc.sql("select department_id from person where email = ?").param(unplaced.email()).query(Long.class).single())
			.isEqualTo(department);
		browser.open("/account/department");
		assertThat(browser.driver().getCurrentUrl()).as("asked once").endsWith("/");
	}

	@Test
	void signing_out_also_ends_the_session_at_the_provider() {
		DemoUser someone = user("signout", null, List.of());
		signInAtProvider(someone);
		chooseAnyDepartment();

		signOut();

		browser.waitForUrlEnding("/login?logout");
		browser.click(By.linkText("Sign in with Test SSO"));
		browser.await(driver -> driver.getCurrentUrl().startsWith(provider.issuer() + "/login"));
		assertThat(browser.driver().findElements(By.id("username"))).as("the provider asks again").isNotEmpty();
	}

	private DemoUser user(String prefix, String department, List<String> groups) {
		String name = TestData.unique(prefix);
		DemoUser user = new DemoUser(name.replace(' ', '-'), name.replace(' ', '.') + "@example.org", true,
				"SSO " + name, "Coordinator", department, groups);
		provider.put(user);
		return user;
	}

	/** Clicks the sign-on button and signs in at the provider's own login page. */
	private void signInAtProvider(DemoUser user) {
		provider.put(user);
		browser.open("/login");
		browser.click(By.linkText("Sign in with Test SSO"));
		browser.await(driver -> driver.getCurrentUrl().startsWith(provider.issuer()));
		browser.driver().findElement(By.id("username")).sendKeys(user.username());
		browser.driver().findElement(By.id("password")).sendKeys(DemoIdentityProvider.PASSWORD);
		browser.click(By.cssSelector("button[type=submit]"));
		browser.await(driver -> driver.getCurrentUrl().startsWith("http://localhost:" + port));
	}

	/** Chooses a department made before the page was shown. */
	private void chooseAnyDepartment() {
		chooseDepartment(anyDepartment);
	}

	private void chooseDepartment(long department) {
		browser.waitForUrlEnding("/account/department");
		new Select(browser.driver().findElement(By.id("departmentId")))
			.selectByValue(Long.toString(department));
		browser.click(By.cssSelector("main form button[type=submit]"));
		browser.waitForUrlEnding("/");
	}

	private void signOut() {
		browser.driver().findElement(By.cssSelector("form[action$='/logout']")).submit();
		browser.await(driver -> driver.getCurrentUrl().contains("/login"));
	}

	private long departmentWithCode(String code) {
		long department = data.department();
		jdbc.sql("update department set code = ? where id = ?").params(code, department).update();
		return department;
	}

	private String roleOf(DemoUser user) {
		return jdbc.sql("select a.role from account a join person p on p.id = a.person_id where p.email = ?")
			.param(user.email().toLowerCase())
			.query(String.class)
			.single();
	}

	private String alert() {
		return browser.driver().findElement(By.cssSelector("main .alert")).getText();
	}

	private String message(String key) {
		return messages.getMessage(key, null, Locale.ENGLISH);
	}


}
