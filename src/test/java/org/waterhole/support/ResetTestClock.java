package org.waterhole.support;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Puts the {@link TestClock} back at its start before each test, and again after it, so a test
 * that moved it (across midnight, say) leaves no other test, Spring's or not, on its day.
 */
public class ResetTestClock implements TestExecutionListener {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		TestClock.get().reset();
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		TestClock.get().reset();
	}

}
