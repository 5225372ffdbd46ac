package org.waterhole.support;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waterhole.organization.DepartmentForm;
import org.waterhole.organization.DepartmentService;

/**
 * A write that takes a while, for tests of what happens to it midway: {@code GET /test/slow-write?name=N}
 * creates the department "N first half", pauses {@link #PAUSE}, creates "N second half", all in one
 * transaction. {@link #started} opens once the first half is written. Only the applications that
 * {@link StandaloneApplication} starts with it have this route.
 */
@TestConfiguration(proxyBeanMethods = false)
@RestController
public class SlowWrite {

	public static final Duration PAUSE = Duration.ofSeconds(2);

	private final CountDownLatch started = new CountDownLatch(1);

	private final DepartmentService departments;

	private final TransactionTemplate transaction;

	SlowWrite(DepartmentService departments, TransactionTemplate transaction) {
		this.departments = departments;
		this.transaction = transaction;
	}

	/** Opens once the first half of the write is done, its transaction still open. */
	public CountDownLatch started() {
		return started;
	}

	@GetMapping("/test/slow-write")
	String write(@RequestParam String name) {
		transaction.executeWithoutResult(status -> {
			departments.create(form(name + " first half"));
			started.countDown();
			try {
				Thread.sleep(PAUSE.toMillis());
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
