package org.waterhole.playbook;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.adoption.AdoptionLog;
import org.waterhole.adoption.EventKind;
import org.waterhole.adoption.RecordForm;
import org.waterhole.adoption.Stage;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.champion.VolunteerForm;
import org.waterhole.champion.Volunteering;
import org.waterhole.organization.AccountForm;
import org.waterhole.organization.AccountService;
import org.waterhole.organization.Role;
import org.waterhole.shared.ScheduledJobs;
import org.waterhole.support.EmbeddedDatabase;
import org.waterhole.support.Mailbox;
import org.waterhole.support.StandaloneApplication;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The weekly digest, switched on and sent to an SMTP server in this JVM (GreenMail): what each
 * role gets, who gets none, one per account and week however often the job runs and on however
 * many instances, and a failed send tried again by the next run. The job's schedule is off: the
 * tests run it. The digest is sent to every account of the shared database that should get one,
 * so each test makes its own recipients and looks at their e-mails only.
 */
@WaterholeTest
class DigestTests {

	private static final String BASE_URL = "https://waterhole.example.org";

	private static final Mailbox mailbox = new Mailbox();

	@DynamicPropertySource
	static void digestOn(DynamicPropertyRegistry properties) {
		properties.add("waterhole.digest.enabled", () -> "true");
		properties.add("waterhole.digest.cron", () -> "-");
		properties.add("waterhole.digest.retry-cron", () -> "-");
		properties.add("waterhole.digest.from", () -> "digest@waterhole.example.org");
		properties.add("waterhole.base-url", () -> BASE_URL + "/");
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("spring.mail.port", mailbox::port);
	}

	@Autowired
	DigestJob job;

	@Autowired
	Digests digests;

	@Autowired
	Agenda agenda;

	@Autowired
	TestData data;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	Volunteering volunteering;

	@Autowired
	AccountService accounts;

	@Autowired
	AdoptionLog adoption;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	MockMvc mvc;

	/** The application's mail sender, pointed at the mail server again once it is back. */
	@Autowired
	JavaMailSenderImpl mailSender;

	@BeforeEach
	void jobsMayRunAgain() {
		// Each test runs the jobs as if their last run were long ago. (The lock's row stays: ShedLock
		// remembers that it made it, and would take a missing row for a lock held.)
		jdbc.sql("update shedlock set lock_until = timestamp '2000-01-01' where name like 'weekly-digest%'").update();
	}

	@AfterAll
	static void stopSmtp() {
		mailbox.close();
	}

	@Test
	void a_strategist_gets_the_agenda() throws Exception {
		String strategist = data.account(Role.STRATEGIST);
		// Known items, each made the oldest of its list so that the agenda shows it among its first.
		String caseStudy = TestData.unique("Case study past its review");
		caseStudies.published(caseStudy, form -> form.setReviewBy(LocalDate.of(1999, 1, 1)));
		long department = data.department(TestData.unique("Aaa department due for a check-in"));
		event(department, LocalDate.of(1999, 1, 1), EventKind.NOTE, "Last heard of long ago", null);
		String volunteer = TestData.unique("Volunteer waiting");
		VolunteerForm offer = new VolunteerForm();
		offer.setPitch("I would like to help");
		long volunteerDepartment = data.department();
		long request = volunteering.volunteer(data.person(volunteer, volunteerDepartment), offer);
		jdbc.sql("update champion_request set created_at = timestamp '1999-01-01' where id = ?").param(request).update();

		job.sendWeekly();

		MimeMessage digest = only(strategist);
		AgendaView due = agenda.today();
		String text = text(digest);
		String html = html(digest);
		assertThat(digest.getSubject()).startsWith("Waterhole: your week – ");
		assertThat(digest.getFrom()[0].toString()).isEqualTo("digest@waterhole.example.org");
		assertThat(due.caseStudies().items()).extracting(AgendaView.CaseStudyDue::title).contains(caseStudy);
		assertThat(due.checkIns().items()).extracting(AgendaView.CheckInDue::departmentId).contains(department);
		assertThat(due.volunteers().items()).filteredOn(item -> item.personName().equals(volunteer))
			.singleElement()
			.returns(departmentName(volunteerDepartment), AgendaView.VolunteerDue::departmentName);
		assertThat(digest.getSubject()).isEqualTo("Waterhole: your week – " + due.checkIns().total() + " check-ins due, "
				+ (due.caseStudies().total() + due.experiments().total() + due.volunteers().total())
				+ " more things waiting");
		assertThat(text).contains(caseStudy, volunteer + " (" + departmentName(volunteerDepartment) + ")",
				departmentName(department));
		for (AgendaView.CheckInDue item : due.checkIns().items()) {
			assertThat(text).contains(item.departmentName(), BASE_URL + "/playbook/departments/" + item.departmentId());
			assertThat(html).contains(BASE_URL + "/playbook/departments/" + item.departmentId());
		}
		if (due.checkIns().more() > 0) {
			assertThat(text).contains("… and " + due.checkIns().more() + " more");
		}
		for (AgendaView.DepartmentSuggestion item : due.suggestions()) {
			assertThat(text).contains(item.departmentName(), BASE_URL + "/playbook/departments/" + item.departmentId());
		}
		for (AgendaView.CaseStudyDue item : due.caseStudies().items()) {
			assertThat(text).contains(item.title(), BASE_URL + "/library/" + item.id());
		}
		for (AgendaView.ExperimentDue item : due.experiments().items()) {
			assertThat(text).contains(item.title(), BASE_URL + "/experiments/" + item.id());
		}
		for (AgendaView.VolunteerDue item : due.volunteers().items()) {
			assertThat(text).contains(item.personName());
		}
		// Each list of the agenda under its heading (one fragment for the four), the volunteer's with its items.
		org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
		assertThat(page.select("h2").eachText()).contains(
				due.checkIns().total() == 1 ? "1 department is due for a check-in"
						: due.checkIns().total() + " departments are due for a check-in",
				due.volunteers().total() == 1 ? "1 volunteer waits for an answer"
						: due.volunteers().total() + " volunteers wait for an answer")
			.doesNotContain("Heading");
		assertThat(page.select("h2:containsOwn(for an answer) + ul li").eachText())
			.anySatisfy(item -> assertThat(item).startsWith(volunteer + " (" + departmentName(volunteerDepartment) + "): offered "));
		assertThat(text).contains(BASE_URL + "/account/digest").doesNotContain("[(", "#{", "${");
		assertThat(html).contains("href=\"" + BASE_URL + "/account/digest\"").doesNotContain("#{", "${", "??");
		assertThat(digest.getHeader("List-Unsubscribe")).containsExactly("<" + BASE_URL + "/account/digest>");
	}

	@Test
	void a_manager_gets_their_departments_week_and_not_another_ones() throws Exception {
		long department = data.department();
		long other = data.department();
		String manager = account(Role.MANAGER, department);
		// Dated today, so that the case studies other tests published this week (listed too, newest
		// first, at most twenty) can't push them out of the digest.
		event(department, TestClock.today(), EventKind.STAGE_CHANGE, "Moved on", Stage.INTERESTED);
		event(department, TestClock.today(), EventKind.MILESTONE, "First post in our week", null);
		event(department, TestClock.today().minusDays(10), EventKind.MILESTONE, "An older milestone", null);
		event(other, TestClock.today(), EventKind.MILESTONE, "The other department’s milestone", null);

		job.sendWeekly();

		MimeMessage digest = only(manager);
		String name = departmentName(department);
		// Two events of the department, and any case study published this week for everyone.
		assertThat(digest.getSubject()).startsWith("Waterhole: your week in " + name + " – ").endsWith(" changes");
		for (String body : List.of(text(digest), html(digest))) {
			assertThat(body).contains(name, "First post in our week", "Moved on", "Stage change", "Milestone",
					"Stage now: Interested")
				.doesNotContain("An older milestone", "The other department")
				.contains(BASE_URL + "/adoption/departments/" + department, BASE_URL + "/account/digest");
		}
	}

	@Test
	void a_manager_without_a_department_gets_every_departments_week() throws Exception {
		long department = data.department();
		String manager = account(Role.MANAGER, null);
		event(department, TestClock.today(), EventKind.MILESTONE, "A milestone seen from above", null);

		job.sendWeekly();

		MimeMessage digest = only(manager);
		assertThat(digest.getSubject()).startsWith("Waterhole: your week across the organisation – ");
		assertThat(text(digest)).contains("A milestone seen from above", departmentName(department));
	}

	@Test
	void staff_disabled_and_unsubscribed_accounts_get_none() throws Exception {
		String staff = data.account(Role.STAFF);
		String unsubscribed = account(Role.MANAGER, data.department());
		String disabled = account(Role.MANAGER, data.department());
		String subscribed = account(Role.MANAGER, data.department());
		AccountForm off = new AccountForm();
		off.setRole(Role.MANAGER);
		off.setEnabled(false);
		off.setVersion(0L);
		accounts.update(accountId(disabled), off);
		// The manager unsubscribes on their settings page.
		mvc.perform(post("/account/digest").param("_weeklyDigest", "on").with(user(data.user(unsubscribed))).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/account/digest"))
			.andExpect(flash().attributeExists("flash"));

		job.sendWeekly();

		assertThat(to(staff)).isEmpty();
		assertThat(to(unsubscribed)).isEmpty();
		assertThat(to(disabled)).isEmpty();
		assertThat(to(subscribed)).hasSize(1);
	}

	@Test
	void the_settings_page_unsubscribes_and_subscribes_again() throws Exception {
		String manager = account(Role.MANAGER, data.department());
		var signedIn = user(data.user(manager));
		String page = mvc.perform(get("/account/digest").with(signedIn)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("name=\"weeklyDigest\"").contains("checked");

		mvc.perform(post("/account/digest").param("_weeklyDigest", "on").with(signedIn).with(csrf()))
			.andExpect(redirectedUrl("/account/digest"));
		assertThat(wants(manager)).isFalse();
		page = mvc.perform(get("/account/digest").with(signedIn)).andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContain("checked=\"checked\"");

		mvc.perform(post("/account/digest").param("weeklyDigest", "true").param("_weeklyDigest", "on")
			.with(signedIn)
			.with(csrf())).andExpect(redirectedUrl("/account/digest"));
		assertThat(wants(manager)).isTrue();
		job.sendWeekly();
		assertThat(to(manager)).hasSize(1);
	}

	@Test
	void the_job_run_twice_in_a_week_sends_one_digest() throws Exception {
		String manager = account(Role.MANAGER, data.department());
		double before = runs(DigestJob.WEEKLY);

		job.sendWeekly();
		// Its lock held, a second turn soon after is skipped...
		job.sendWeekly();
		// ...and a turn after the lock was given up finds the week's digest sent.
		jobsMayRunAgain();
		job.sendWeekly();
		digests.sendWeek();
		digests.retryWeek();

		assertThat(to(manager)).hasSize(1);
		assertThat(runs(DigestJob.WEEKLY) - before).isEqualTo(2);
		assertThat(jdbc.sql("select attempts from sent_digest where account_id = ? and week_start = ? and sent_at is not null")
			.params(accountId(manager), digests.thisWeek())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void the_week_turns_at_monday_midnight_in_the_organisation_s_time_zone() throws Exception {
		String manager = account(Role.MANAGER, data.department());
		LocalDate monday = TestClock.today().with(TemporalAdjusters.previous(DayOfWeek.MONDAY));
		// A minute before Monday there; in UTC (and on most machines) Sunday morning either side.
		TestClock.get().set(monday.minusDays(1).atTime(23, 59));
		digests.sendWeek();
		digests.sendWeek();
		assertThat(to(manager)).as("sent once in the week before").hasSize(1);

		TestClock.get().advance(Duration.ofMinutes(2));
		digests.sendWeek();
		digests.sendWeek();

		assertThat(to(manager)).as("and once in the new week").hasSize(2);
		assertThat(jdbc.sql("select week_start from sent_digest where account_id = ? and sent_at is not null order by week_start")
			.param(accountId(manager))
			.query(LocalDate.class)
			.list()).containsExactly(monday.minusWeeks(1), monday);
	}

	@Test
	void two_instances_running_the_job_at_once_send_one_digest() throws Exception {
		String url = EmbeddedDatabase.jdbcUrl(EmbeddedDatabase.forTests());
		ConfigurableApplicationContext other = StandaloneApplication.start(url, List.of(),
				"--waterhole.digest.enabled=true", "--waterhole.digest.cron=-", "--waterhole.digest.retry-cron=-",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mailbox.port(),
				"--waterhole.sessions.cleanup-cron=-");
		try {
			String first = account(Role.MANAGER, data.department());
			DigestJob otherJob = other.getBean(DigestJob.class);
			at(() -> job.sendWeekly(), () -> otherJob.sendWeekly());
			assertThat(to(first)).hasSize(1);
			assertThat(runs(DigestJob.WEEKLY, meters) + runs(DigestJob.WEEKLY, other.getBean(MeterRegistry.class)))
				.as("runs of the job on both instances").isGreaterThanOrEqualTo(1);

			// Even without the job's lock (it expired while a run was slow), each account gets one.
			String second = account(Role.MANAGER, data.department());
			Digests otherDigests = other.getBean(Digests.class);
			at(() -> digests.sendWeek(), () -> otherDigests.sendWeek());
			assertThat(to(second)).hasSize(1);
		}
		finally {
			other.close();
		}
	}

	@Test
	void a_failed_send_is_tried_again_by_the_next_run_and_stops_no_other() throws Exception {
		String manager = account(Role.MANAGER, data.department());
		mailbox.stop();
		try {
			job.sendWeekly();
		}
		finally {
			mailbox.restart(mailSender);
		}
		assertThat(to(manager)).isEmpty();
		assertThat(jdbc.sql("select count(*) from sent_digest where account_id = ? and sent_at is null and attempts = 1")
			.param(accountId(manager))
			.query(Long.class)
			.single()).isEqualTo(1);

		// One account whose address can't be written stops no other.
		String broken = account(Role.MANAGER, data.department());
		String another = account(Role.MANAGER, data.department());
		jdbc.sql("update person set email = 'broken address@@' || id where email = ?").param(broken).update();

		job.retryFailed();

		assertThat(to(manager)).hasSize(1);
		jobsMayRunAgain();
		job.sendWeekly();
		assertThat(to(manager)).hasSize(1);
		assertThat(to(another)).hasSize(1);
		assertThat(jdbc.sql("select count(*) from sent_digest d join account a on a.id = d.account_id"
				+ " join person p on p.id = a.person_id where p.email like 'broken address@@%' and d.sent_at is null")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	// --- helpers

	private String account(Role role, Long departmentId) {
		String name = TestData.unique(role.name().toLowerCase());
		long person = data.person(name, departmentId);
		AccountForm form = new AccountForm();
		form.setPersonId(person);
		form.setRole(role);
		form.setPassword(TestData.PASSWORD);
		accounts.create(form);
		return TestData.email(name);
	}

	private long accountId(String email) {
		return jdbc.sql("select a.id from account a join person p on p.id = a.person_id where p.email = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

	private boolean wants(String email) {
		return jdbc.sql("select weekly_digest from account where id = ?")
			.param(accountId(email))
			.query(Boolean.class)
			.single();
	}

	private String departmentName(long id) {
		return jdbc.sql("select name from department where id = ?").param(id).query(String.class).single();
	}

	private void event(long department, LocalDate on, EventKind kind, String title, Stage to) {
		RecordForm form = new RecordForm();
		form.setDepartmentId(department);
		form.setOccurredOn(on);
		form.setKind(kind);
		form.setTitle(title);
		form.setToStage(to);
		adoption.record(form, data.person(null));
	}

	private double runs(String job) {
		return runs(job, meters);
	}

	private static double runs(String job, MeterRegistry registry) {
		var counter = registry.find(ScheduledJobs.RUNS).tag("job", job).counter();
		return counter == null ? 0 : counter.count();
	}

	/** Runs both at the same moment, each on a thread of its own. */
	private static void at(Runnable one, Runnable other) throws Exception {
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Object>> turns = new ArrayList<>();
			for (Runnable turn : List.of(one, other)) {
				turns.add(() -> {
					together.await();
					turn.run();
					return null;
				});
			}
			for (Future<Object> turn : threads.invokeAll(turns)) {
				turn.get();
			}
		}
		finally {
			threads.shutdown();
		}
	}

	/** The e-mails the SMTP server received for {@code email}. */
	private static List<MimeMessage> to(String email) {
		return mailbox.to(email);
	}

	private static MimeMessage only(String email) throws MessagingException {
		List<MimeMessage> found = to(email);
		assertThat(found).as("digests to " + email).hasSize(1);
		return found.get(0);
	}

	private static String text(Part part) throws MessagingException, IOException {
		return part(part, "text/plain");
	}

	private static String html(Part part) throws MessagingException, IOException {
		return part(part, "text/html");
	}

	private static String part(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				String found = part(body, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}


}
