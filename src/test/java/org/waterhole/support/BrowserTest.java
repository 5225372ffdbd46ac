package org.waterhole.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test class that drives the running application in one headless Chromium, opened before its
 * first test and closed after its last. Tests start by deleting cookies and signing in.
 */
@WaterholeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

	@LocalServerPort
	protected int port;

	protected Browser browser;

	@BeforeAll
	void openBrowser() {
		browser = new Browser(port, 1280, 900);
	}

	/** The pages a test went through broke none of the Content-Security-Policy's rules. */
	@AfterEach
	void noContentSecurityPolicyViolations() {
		assertThat(browser.contentSecurityPolicyViolations()).as("Content-Security-Policy violations").isEmpty();
	}

	@AfterAll
	void closeBrowser() {
		browser.close();
	}

	/** A fresh visit: no cookies, signed in as {@code email}, on the start page. */
	protected void signInAs(String email, String password) {
		browser.driver().manage().deleteAllCookies();
		browser.signIn(email, password);
		browser.waitForUrlEnding("/");
	}

}
