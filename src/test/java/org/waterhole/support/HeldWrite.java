package org.waterhole.support;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waterhole.organization.DepartmentForm;
import org.waterhole.organization.DepartmentService;

/**
 * A write held midway by the test, for tests of what happens to it then (its connection killed,
 * the application stopped): {@code GET /test/held-write?name=N} creates the department
 * "N first half", waits until the test {@linkplain #goOn() lets it go on}, then creates
 * "N second half", all in one transaction. The test sees the held state ({@link #awaitHeld()}), not
 * a time. Once let go, every later write goes straight through. Only the applications that
 * {@link StandaloneApplication} starts with it have this route.
 */
@TestConfiguration(proxyBeanMethods = false)
@RestController
public class HeldWrite {

	/** A safety net only: how long a wait of the test or of the write may last before it fails. */
	private static final Duration SAFETY = Duration.ofSeconds(60);

	private final CountDownLatch firstHalfWritten = new CountDownLatch(1);

	private final CountDownLatch goOn = new CountDownLatch(1);

	private final DepartmentService departments;

	private final TransactionTemplate transaction;

	HeldWrite(DepartmentService departments, TransactionTemplate transaction) {
		this.departments = departments;
		this.transaction = transaction;
	}

	/** Waits until a write has its first half written and is held, its transaction open. */
	public void awaitHeld() throws InterruptedException {
		if (!firstHalfWritten.await(SAFETY.toSeconds(), TimeUnit.SECONDS)) {
			throw new IllegalStateException("no write began");
		}
	}

	/** Lets the held write (and every later one) go on to its second half. */
	public void goOn() {
		goOn.countDown();
	}

	@GetMapping("/test/held-write")
	String write(@RequestParam String name) {
		transaction.executeWithoutResult(status -> {
			departments.create(form(name + " first half"));
			firstHalfWritten.countDown();
			try {
				if (!goOn.await(SAFETY.toSeconds(), TimeUnit.SECONDS)) {
					throw new IllegalStateException("the test never let the write go on");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			departments.create(form(name + " second half"));
		});
		return "written";
	}

	private static DepartmentForm form(String name) {
		DepartmentForm form = new DepartmentForm();
		form.setName(name);
		return form;
	}

}
