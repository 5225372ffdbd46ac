package org.waterhole;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.context.ConfigurableApplicationContext;
import org.waterhole.shared.ScheduledJobs;
import org.waterhole.support.EmbeddedDatabase;
import org.waterhole.support.StandaloneApplication;
import org.waterhole.support.Visitor;
import org.waterhole.support.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one database, as behind a load balancer that sends each
 * request wherever it likes: a user signed in on one is signed in on the other (sessions are in
 * PostgreSQL), a form opened on one is accepted by the other (its CSRF token is in the session),
 * a message saved for the next page on one is shown by the other, signing out on one ends the
 * session on both, a password changed on one ends the user's other sessions on the other, and two
 * people editing one record on different instances don't overwrite each other unknowingly.
 * Scheduled jobs run on one instance at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsAcrossInstancesTests {

	private String url;

	private ConfigurableApplicationContext one;

	private ConfigurableApplicationContext other;

	@BeforeAll
	void start() {
		url = EmbeddedDatabase.emptyDatabase("sessions_across_instances");
		// The session job is started by this test, not by the clock (see the last test).
		String[] args = { "--waterhole.sessions.cleanup-cron=-" };
		one = StandaloneApplication.startWithStrategist(url, List.of(), args);
		other = StandaloneApplication.startWithStrategist(url, List.of(), args);
	}

	@AfterAll
	void stop() {
		if (other != null) {
			other.close();
		}
		if (one != null) {
			one.close();
		}
	}

	@Test
	void a_user_signed_in_on_one_instance_carries_on_on_the_other() {
		Visitor onOne = StandaloneApplication.signedIn(one);
		Visitor onOther = onOne.at(StandaloneApplication.port(other));

		Page start = onOther.get("/");
		assertThat(start.status()).as("the start page on the other instance").isEqualTo(200);
		assertThat(start.body()).contains(StandaloneApplication.STRATEGIST_EMAIL);

		// The new-department form comes from one instance, its submission goes to the other.
		Document form = onOne.get("/departments/new").document();
		Page created = onOther.post("/departments",
				Map.of("name", "Carried across", "headcount", "5", "_csrf", form.selectFirst("input[name=_csrf]").val()),
				false);
		assertThat(created.status()).as("a form of one instance posted to the other").isEqualTo(302);

		// The message for the next page was kept by the other instance; this one shows it.
		Page department = onOne.get(created.location().replaceFirst("^https?://[^/]+", ""));
		assertThat(department.status()).isEqualTo(200);
		assertThat(department.document().select(".alert").text()).contains("Department “Carried across” created.");
	}

	@Test
	void signing_out_on_one_instance_ends_the_session_on_the_other() {
		Visitor onOne = StandaloneApplication.signedIn(one);
		Visitor onOther = onOne.at(StandaloneApplication.port(other));
		assertThat(onOther.get("/departments").status()).isEqualTo(200);

		assertThat(onOther.post("/logout", Map.of(), true).location()).endsWith("/login?logout");

		Page after = onOne.get("/departments");
		assertThat(after.status()).isEqualTo(302);
		assertThat(after.location()).endsWith("/login");
	}

	@Test
	void changing_ones_password_on_one_instance_ends_ones_sessions_on_the_other() {
		Visitor here = StandaloneApplication.signedIn(one);
		Visitor there = StandaloneApplication.signedIn(other);
		String changed = "a passphrase changed on one instance";
		try {
			Page saved = here.post("/account/password", Map.of("currentPassword", StandaloneApplication.STRATEGIST_PASSWORD,
					"newPassword", changed, "confirmation", changed), true);
			assertThat(saved.location()).endsWith("/");

			assertThat(here.get("/departments").status()).as("the session that changed it").isEqualTo(200);
			assertThat(there.get("/departments").location()).as("the session on the other instance")
				.endsWith("/login?expired");
		}
		finally {
			// The other tests sign in with the first password.
			here.post("/account/password", Map.of("currentPassword", changed, "newPassword",
					StandaloneApplication.STRATEGIST_PASSWORD, "confirmation", StandaloneApplication.STRATEGIST_PASSWORD), true);
		}
	}

	@Test
	void two_people_editing_one_record_on_different_instances_lose_nothing() {
		Visitor first = StandaloneApplication.signedIn(one);
		Visitor second = StandaloneApplication.signedIn(other);
		String created = first.post("/departments", Map.of("name", "Edited twice", "headcount", "7"), true).location();
		String path = created.replaceFirst("^https?://[^/]+", "");

		Map<String, String> firstForm = fields(first.get(path + "/edit").document());
		Map<String, String> secondForm = fields(second.get(path + "/edit").document());
		firstForm.put("name", "Edited on one");
		secondForm.put("name", "Edited on the other");

		assertThat(first.post(path, firstForm, true).status()).as("the first save").isEqualTo(302);
		Page stale = second.post(path, secondForm, true);

		assertThat(stale.status()).as("the second, stale save comes back as its form").isEqualTo(200);
		assertThat(stale.document().select(".alert").text()).contains("Someone else changed this in the meantime");
		// What changed: the name saved on the other instance, listed under its label.
		assertThat(stale.document().select("dl.conflict-changes dt").eachText()).containsExactly("Name");
		assertThat(stale.document().select("dl.conflict-changes dd").eachText()).containsExactly("Edited on one");
		assertThat(stale.document().selectFirst("input[name=name]").val()).isEqualTo("Edited on the other");
		assertThat(first.get(path).document().selectFirst("h1").text()).isEqualTo("Edited on one");

		// Saved again knowingly (the form now carries the current version), it replaces the first.
		assertThat(second.post(path, fields(stale.document()), true).status()).isEqualTo(302);
		assertThat(first.get(path).document().selectFirst("h1").text()).isEqualTo("Edited on the other");
	}

	@Test
	void a_scheduled_job_whose_turn_comes_on_both_instances_at_once_runs_on_one() throws Exception {
		EmbeddedDatabase.number(url, "insert into spring_session values (gen_random_uuid(), gen_random_uuid(), "
				+ "0, 0, 1800, 1800000, null) returning 1");
		long before = runs(one) + runs(other);

		// Both instances' turns come at the same moment, each on a thread of its own.
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Object>> turns = threads.invokeAll(List.of(turn(one, together), turn(other, together)));
			for (Future<Object> turn : turns) {
				turn.get();
			}
		}
		finally {
			threads.shutdown();
		}

		assertThat(runs(one) + runs(other) - before)
			.as("runs of the job on both instances; its lock: %s", EmbeddedDatabase.rows(url,
					"select name, locked_at, lock_until, now() at time zone 'utc' as now from shedlock"))
			.isEqualTo(1);
		assertThat(EmbeddedDatabase.number(url, "select count(*) from spring_session where expiry_time = 1800000"))
			.as("the expired session")
			.isZero();

		// Soon after, the job's turn on either instance is skipped: it ran a moment ago.
		other.getBean(ScheduledJobs.class).deleteExpiredSessions();
		one.getBean(ScheduledJobs.class).deleteExpiredSessions();
		assertThat(runs(one) + runs(other) - before).isEqualTo(1);
	}

	private static Callable<Object> turn(ConfigurableApplicationContext app, CyclicBarrier together) {
		return () -> {
			together.await();
			app.getBean(ScheduledJobs.class).deleteExpiredSessions();
			return null;
		};
	}

	private static long runs(ConfigurableApplicationContext app) {
		var counter = app.getBean(MeterRegistry.class)
			.find(ScheduledJobs.RUNS)
			.tag("job", "delete-expired-sessions")
			.counter();
		return counter == null ? 0 : (long) counter.count();
	}

	/** The edit form's fields as the page filled them in. */
	private static Map<String, String> fields(Document page) {
		Map<String, String> fields = new HashMap<>();
		page.select("form[method=post] input[name], form[method=post] textarea[name]")
			.stream()
			.filter(field -> !field.attr("name").equals("_csrf"))
			.forEach(field -> fields.put(field.attr("name"), field.val()));
		return fields;
	}

}
