package org.waterhole.organization;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.shared.web.FlashMessage;
import org.waterhole.support.BackgroundWork;
import org.waterhole.support.Mailbox;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.Visitor;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Invitations and password resets by e-mail, sent to an SMTP server in this JVM (GreenMail): the
 * strategist invites one person, a department or the people an import created; the link in the
 * e-mail sets the password once, then the person signs in; used, expired and voided links are
 * refused with a page that says what to do; "forgot your password?" answers the same for any email
 * and is throttled; a mail server that is down is reported and the invitation can be sent again.
 */
@WaterholeTest
class InvitationTests {

	private static final String BASE_URL = "https://waterhole.example.org";

	private static final Pattern LINK = Pattern
		.compile(Pattern.quote(BASE_URL) + "/password/set\\?token=([A-Za-z0-9_-]+)");

	private static final String NEW_PASSWORD = "kettle orbit meadow lantern";

	private static final Mailbox mailbox = new Mailbox();

	@DynamicPropertySource
	static void mailOn(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("spring.mail.port", mailbox::port);
		properties.add("waterhole.digest.from", () -> "waterhole@example.org");
		properties.add("waterhole.base-url", () -> BASE_URL + "/");
	}

	@AfterAll
	static void stopSmtp() {
		mailbox.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountService accounts;

	@Autowired
	MessageSource messages;

	/** The application's mail sender, pointed at the mail server again once it is back. */
	@Autowired
	JavaMailSenderImpl mailSender;

	/** Where the e-mails of password links are sent from ({@code @Async}). */
	@Autowired
	ThreadPoolTaskExecutor applicationTaskExecutor;

	@Test
	void an_invited_person_sets_their_password_through_the_link_and_signs_in_with_it() throws Exception {
		String name = TestData.unique("Invitee");
		long person = data.person(name, data.department());
		String email = TestData.email(name);

		FlashMessage said = flash(mvc.perform(post("/people/" + person + "/invitation").with(strategist()).with(csrf()))
			.andExpect(redirectedUrl("/people/" + person + "/edit"))
			.andReturn());
		assertThat(said.code()).isEqualTo("invitations.sentTo");
		assertThat(said.args()).containsExactly(email);

		MimeMessage invitation = only(email);
		assertThat(invitation.getSubject()).isEqualTo("Your Waterhole account");
		assertThat(invitation.getFrom()[0].toString()).isEqualTo("waterhole@example.org");
		String token = token(invitation);
		assertThat(Mailbox.text(invitation)).contains("Hello " + name, "7 days", email);
		// Only the token's hash is kept; the account is new, staff, enabled, without a password yet.
		assertThat(jdbc.sql("select count(*) from password_link where token_hash = ? and purpose = 'INVITATION'"
				+ " and expires_at = created_at + interval '7 days' and sent_at is not null")
			.param(PasswordLinks.hash(token))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from password_link where token_hash like ?").param("%" + token + "%")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select a.role || ' ' || a.enabled || ' ' || (a.password_hash is null) from account a"
				+ " join person p on p.id = a.person_id where p.email = ?").param(email).query(String.class).single())
			.isEqualTo("STAFF true true");

		Visitor invitee = new Visitor(port);
		assertThat(invitee.signIn(email, NEW_PASSWORD).location()).endsWith("/login?error");
		Visitor.Page page = invitee.get("/password/set?token=" + token);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.heading()).isEqualTo("Choose your password");
		assertThat(page.document().select("main").text()).contains(email);
		// The token is in the form's body only: no link on the page carries it.
		assertThat(page.document()
			.select("[href*='" + token + "'], [src*='" + token + "'], [action*='" + token + "']")).isEmpty();
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");

		Visitor.Page tooShort = invitee.post("/password/set",
				Map.of("token", token, "newPassword", "short", "confirmation", "short"), true);
		assertThat(tooShort.status()).isEqualTo(200);
		assertThat(tooShort.document().select(".invalid-feedback").text()).contains("at least 12 characters");

		Visitor.Page set = invitee.post("/password/set",
				Map.of("token", token, "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD), true);
		assertThat(set.status()).isEqualTo(302);
		assertThat(set.location()).endsWith("/login");
		Visitor.Page login = invitee.get("/login");
		assertThat(login.document().select("[role=status]").text()).contains("Your password is set");
		assertThat(login.document().selectFirst("#email").attr("value")).isEqualTo(email);
		assertThat(invitee.signIn(email, NEW_PASSWORD).location()).endsWith("/");

		// The link works once.
		Visitor other = new Visitor(port);
		assertUnusable(other.get("/password/set?token=" + token));
		assertUnusable(other.post("/password/set",
				Map.of("token", token, "newPassword", "a different long phrase", "confirmation", "a different long phrase"),
				true));
		assertThat(new Visitor(port).signIn(email, NEW_PASSWORD).location()).endsWith("/");
	}

	@Test
	void an_expired_link_is_refused() throws Exception {
		String email = invitedPerson();
		String token = token(only(email));
		jdbc.sql("update password_link set created_at = created_at - interval '8 days',"
				+ " expires_at = expires_at - interval '8 days' where token_hash = ?")
			.param(PasswordLinks.hash(token))
			.update();

		assertUnusable(new Visitor(port).get("/password/set?token=" + token));
	}

	@Test
	void a_change_of_password_voids_the_open_links() throws Exception {
		String email = invitedPerson();
		String token = token(only(email));
		long account = accountId(email);

		mvc.perform(post("/accounts/" + account + "/password").with(strategist())
			.with(csrf())
			.param("newPassword", NEW_PASSWORD)
			.param("confirmation", NEW_PASSWORD)).andExpect(redirectedUrl("/accounts"));

		assertUnusable(new Visitor(port).get("/password/set?token=" + token));
		// Their own change of password does the same to a reset link.
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, NEW_PASSWORD);
		String reset = resetLink(email, "10.1.0.1");
		assertThat(visitor.post("/account/password", Map.of("currentPassword", NEW_PASSWORD, "newPassword",
				"another long passphrase", "confirmation", "another long passphrase"), true).location()).endsWith("/");
		assertUnusable(new Visitor(port).get("/password/set?token=" + reset));
	}

	@Test
	void a_link_stops_working_when_the_email_is_corrected_or_the_account_switched_off() throws Exception {
		String mistyped = invitedPerson();
		String token = token(only(mistyped));
		long person = jdbc.sql("select id from person where email = ?").param(mistyped).query(Long.class).single();
		mvc.perform(post("/people/" + person).with(strategist()).with(csrf())
			.param("name", TestData.unique("Corrected"))
			.param("email", TestData.email(TestData.unique("corrected")))
			.param("version", version("person", person)))
			.andExpect(status().is3xxRedirection());
		assertUnusable(new Visitor(port).get("/password/set?token=" + token));

		String switchedOff = invitedPerson();
		String before = token(only(switchedOff));
		long account = accountId(switchedOff);
		mvc.perform(post("/accounts/" + account).with(strategist()).with(csrf())
			.param("role", "STAFF")
			.param("enabled", "false")
			.param("version", version("account", account))).andExpect(status().is3xxRedirection());
		jdbc.sql("update account set enabled = true where id = ?").param(account).update();
		assertUnusable(new Visitor(port).get("/password/set?token=" + before));
	}

	@Test
	void no_reset_link_for_someone_who_signs_in_only_through_the_provider() throws Exception {
		String name = TestData.unique("Provider Only");
		long person = data.person(name, data.department());
		String email = TestData.email(name);
		jdbc.sql("insert into account (id, person_id, password_hash, role, enabled, last_login_at) "
				+ "values (nextval('account_seq'), ?, null, 'STAFF', true, now())").param(person).update();
		String known = data.account(Role.STAFF);

		forgot(email, "10.3.0.1");
		forgot(known, "10.3.0.2");

		assertThat(mailbox.await(known, 1)).hasSize(1);
		BackgroundWork.awaitFinished(applicationTaskExecutor);
		assertThat(mailbox.to(email)).as("a password would outlive their being switched off at the provider").isEmpty();
	}

	@Test
	void a_reset_link_sets_a_new_password_for_an_hour_and_ends_the_accounts_sessions() throws Exception {
		String email = data.account(Role.MANAGER);
		Visitor signedIn = new Visitor(port);
		assertThat(signedIn.signIn(email, TestData.PASSWORD).location()).endsWith("/");

		String token = resetLink(email, "10.1.0.2");
		assertThat(jdbc.sql("select count(*) from password_link where token_hash = ? and purpose = 'RESET'"
				+ " and expires_at = created_at + interval '1 hour'").param(PasswordLinks.hash(token)).query(Long.class)
			.single()).isEqualTo(1);
		MimeMessage mail = mailbox.to(email).get(0);
		assertThat(mail.getSubject()).isEqualTo("A new password for Waterhole");
		assertThat(Mailbox.text(mail)).contains("one hour", "ignore this e-mail");

		Visitor resetting = new Visitor(port);
		assertThat(resetting.get("/password/set?token=" + token).status()).isEqualTo(200);
		assertThat(resetting.post("/password/set",
				Map.of("token", token, "newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD), true).location())
			.endsWith("/login");

		assertThat(signedIn.get("/departments").location()).endsWith("/login?expired");
		assertThat(new Visitor(port).signIn(email, TestData.PASSWORD).location()).endsWith("/login?error");
		assertThat(new Visitor(port).signIn(email, NEW_PASSWORD).location()).endsWith("/");
	}

	@Test
	void forgot_password_answers_the_same_for_a_known_and_an_unknown_email_and_mails_only_the_known() throws Exception {
		String known = data.account(Role.STAFF);
		String unknown = TestData.email(TestData.unique("Nobody"));

		MvcResult forUnknown = forgot(unknown, "10.2.0.1");
		MvcResult forKnown = forgot(known, "10.2.0.2");

		assertThat(forKnown.getResponse().getStatus()).isEqualTo(forUnknown.getResponse().getStatus()).isEqualTo(302);
		assertThat(forKnown.getResponse().getRedirectedUrl()).isEqualTo(forUnknown.getResponse().getRedirectedUrl())
			.isEqualTo("/password/forgot");
		assertThat(flash(forKnown)).usingRecursiveComparison().isEqualTo(flash(forUnknown));
		assertThat(flash(forKnown).code()).isEqualTo("password.forgot.sent");
		assertThat(flash(forKnown).kind()).isEqualTo(FlashMessage.Kind.SUCCESS);

		assertThat(mailbox.await(known, 1)).hasSize(1);
		BackgroundWork.awaitFinished(applicationTaskExecutor);
		assertThat(mailbox.to(unknown)).isEmpty();
		// The page the answer leads to says it the same way for both.
		Visitor visitor = new Visitor(port);
		List<String> pages = new java.util.ArrayList<>();
		for (String email : List.of(unknown, known)) {
			Visitor.Page answer = visitor.post("/password/forgot", Map.of("email", email), true);
			assertThat(answer.location()).endsWith("/password/forgot");
			pages.add(visitor.get("/password/forgot").document().select("main, [role=status]").text());
		}
		assertThat(pages.get(0)).isEqualTo(pages.get(1)).contains("If that address belongs to a Waterhole account")
			.doesNotContain(unknown);
		assertThat(mailbox.await(known, 2)).hasSize(2);
		BackgroundWork.awaitFinished(applicationTaskExecutor);
		assertThat(mailbox.to(unknown)).isEmpty();
	}

	@Test
	void requests_for_a_reset_link_are_paused_after_a_few_and_the_answer_stays_the_same() throws Exception {
		String email = data.account(Role.STAFF);
		for (int i = 0; i < 3; i++) {
			forgot(email, "10.3.0." + i);
		}
		assertThat(mailbox.await(email, 3)).hasSize(3);

		MvcResult paused = forgot(email, "10.3.0.9");
		assertThat(paused.getResponse().getRedirectedUrl()).isEqualTo("/password/forgot");
		assertThat(flash(paused).code()).isEqualTo("password.forgot.sent");
		// From one address, whatever the emails: 10 requests, then a pause.
		for (int i = 0; i < 10; i++) {
			forgot(TestData.email(TestData.unique("Sprayed")), "10.3.1.1");
		}
		String another = data.account(Role.STAFF);
		forgot(another, "10.3.1.1");
		BackgroundWork.awaitFinished(applicationTaskExecutor);
		assertThat(mailbox.to(email)).hasSize(3);
		assertThat(mailbox.to(another)).isEmpty();
		assertThat(jdbc.sql("select count(*) from sign_in_failure where key like 'link:%' and blocked_until > ?")
			.param(TestClock.now().atOffset(java.time.ZoneOffset.UTC))
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void the_strategist_invites_a_department_and_who_has_signed_in_is_not_invited_again() throws Exception {
		long department = data.department();
		String first = TestData.unique("Department invitee");
		String second = TestData.unique("Department invitee");
		data.person(first, department);
		data.person(second, department);
		String signedIn = TestData.unique("Signed in already");
		long person = data.person(signedIn, department);
		AccountForm form = new AccountForm();
		form.setPersonId(person);
		form.setRole(Role.MANAGER);
		form.setPassword(TestData.PASSWORD);
		accounts.create(form);
		assertThat(new Visitor(port).signIn(TestData.email(signedIn), TestData.PASSWORD).location()).endsWith("/");

		FlashMessage said = flash(mvc.perform(post("/departments/" + department + "/invitations").with(strategist())
			.with(csrf())).andExpect(redirectedUrl("/departments/" + department)).andReturn());

		assertThat(said.code()).isEqualTo("invitations.sent");
		assertThat(text(said)).isEqualTo("2 invitations sent; each link works for 7 days. 1 person has already signed in,"
				+ " so was not invited again.");
		assertThat(only(TestData.email(first))).isNotNull();
		assertThat(only(TestData.email(second))).isNotNull();
		assertThat(mailbox.to(TestData.email(signedIn))).isEmpty();

		// From the accounts page as well: the second time, the earlier links are replaced.
		String firstLink = token(only(TestData.email(first)));
		mvc.perform(post("/accounts/invitations").with(strategist()).with(csrf()).param("department",
				String.valueOf(department))).andExpect(redirectedUrl("/accounts"));
		assertThat(mailbox.to(TestData.email(first))).hasSize(2);
		assertUnusable(new Visitor(port).get("/password/set?token=" + firstLink));

		// One person who has signed in already: said so.
		FlashMessage again = flash(mvc.perform(post("/people/" + person + "/invitation").with(strategist()).with(csrf()))
			.andReturn());
		assertThat(again.code()).isEqualTo("invitations.signedIn");
		assertThat(again.kind()).isEqualTo(FlashMessage.Kind.WARNING);
	}

	@Test
	void the_strategist_invites_the_people_an_import_created() throws Exception {
		String known = TestData.unique("Known before");
		data.person(known, null);
		String first = TestData.unique("Imported");
		String second = TestData.unique("Imported");
		String csv = "name,email,job title,department\n" + first + "," + TestData.email(first) + ",,\n" + second + ","
				+ TestData.email(second) + ",,\n" + known + "," + TestData.email(known) + ",Librarian,\n";
		MvcResult imported = mvc.perform(multipart("/people/import")
			.file(new MockMultipartFile("file", "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(strategist())
			.with(csrf())).andExpect(status().isOk()).andReturn();
		ImportReport report = (ImportReport) imported.getModelAndView().getModel().get("report");
		assertThat(report.createdIds()).hasSize(2);
		org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(imported.getResponse().getContentAsString());
		org.jsoup.nodes.Element invite = page.selectFirst("form[action=/accounts/invitations]");
		assertThat(invite).isNotNull();
		assertThat(invite.select("button").text()).isEqualTo("Invite the 2 people created");
		String people = invite.selectFirst("input[name=people]").attr("value");

		FlashMessage said = flash(mvc.perform(post("/accounts/invitations").with(strategist()).with(csrf())
			.param("people", people)).andExpect(redirectedUrl("/accounts")).andReturn());

		assertThat(text(said)).isEqualTo("2 invitations sent; each link works for 7 days.");
		assertThat(only(TestData.email(first))).isNotNull();
		assertThat(only(TestData.email(second))).isNotNull();
		assertThat(mailbox.to(TestData.email(known))).isEmpty();
	}

	@Test
	void the_accounts_page_shows_who_is_invited_and_not_signed_in_and_sends_the_invitation_again() throws Exception {
		String email = invitedPerson();
		String firstLink = token(only(email));
		long account = accountId(email);

		org.jsoup.nodes.Element row = accountRow(email);
		assertThat(row.text()).contains("Not signed in yet").doesNotContain("E-mail not sent");
		assertThat(row.select("td time")).hasSize(1);
		assertThat(row.selectFirst("form[action=/accounts/" + account + "/invitation] button").text())
			.isEqualTo("Send the invitation again");

		mvc.perform(post("/accounts/" + account + "/invitation").with(strategist()).with(csrf()))
			.andExpect(redirectedUrl("/accounts"));
		assertThat(mailbox.to(email)).hasSize(2);
		assertUnusable(new Visitor(port).get("/password/set?token=" + firstLink));
		String secondLink = token(mailbox.to(email).get(1));
		Visitor invitee = new Visitor(port);
		invitee.get("/password/set?token=" + secondLink);
		invitee.post("/password/set", Map.of("token", secondLink, "newPassword", NEW_PASSWORD, "confirmation",
				NEW_PASSWORD), true);
		assertThat(invitee.signIn(email, NEW_PASSWORD).location()).endsWith("/");

		row = accountRow(email);
		assertThat(row.text()).doesNotContain("Not signed in yet");
		assertThat(row.select("form")).isEmpty();
	}

	@Test
	void staff_and_managers_cannot_invite() throws Exception {
		long person = data.person(data.department());
		for (Role role : List.of(Role.STAFF, Role.MANAGER)) {
			mvc.perform(post("/people/" + person + "/invitation").with(data.as(role)).with(csrf()))
				.andExpect(status().isForbidden());
			mvc.perform(post("/accounts/invitations").param("people", String.valueOf(person)).with(data.as(role))
				.with(csrf())).andExpect(status().isForbidden());
		}
		assertThat(jdbc.sql("select count(*) from account where person_id = ?").param(person).query(Long.class).single())
			.isZero();
	}

	@Test
	void a_mail_server_that_is_down_is_reported_and_the_invitation_can_be_sent_again() throws Exception {
		String name = TestData.unique("Invitee while down");
		long person = data.person(name, data.department());
		String email = TestData.email(name);

		FlashMessage said;
		mailbox.stop();
		try {
			said = flash(mvc.perform(post("/people/" + person + "/invitation").with(strategist()).with(csrf()))
				.andExpect(redirectedUrl("/people/" + person + "/edit"))
				.andReturn());
		}
		finally {
			mailbox.restart(mailSender);
		}
		assertThat(said.kind()).isEqualTo(FlashMessage.Kind.WARNING);
		assertThat(said.code()).isEqualTo("invitations.notSent");
		assertThat(text(said)).startsWith("The e-mail could not be sent for 1 invitation (0 sent)")
			.contains("Nothing is lost", "Send the invitation again");
		assertThat(jdbc.sql("select count(*) from password_link l join account a on a.id = l.account_id"
				+ " join person p on p.id = a.person_id where p.email = ? and l.sent_at is null and l.send_failure is not null")
			.param(email).query(Long.class).single()).isEqualTo(1);
		org.jsoup.nodes.Element row = accountRow(email);
		assertThat(row.text()).contains("E-mail not sent", "Not signed in yet");

		mvc.perform(post("/accounts/" + accountId(email) + "/invitation").with(strategist()).with(csrf()))
			.andExpect(redirectedUrl("/accounts"));
		String token = token(only(email));
		assertThat(new Visitor(port).get("/password/set?token=" + token).status()).isEqualTo(200);
		assertThat(accountRow(email).text()).doesNotContain("E-mail not sent");
	}

	@Test
	void the_sign_in_page_offers_a_new_password_and_a_link_that_was_never_sent_is_refused() throws Exception {
		Visitor visitor = new Visitor(port);
		assertThat(visitor.get("/login").document().select("a[href=/password/forgot]").text())
			.isEqualTo("Forgot your password?");
		Visitor.Page forgot = visitor.get("/password/forgot");
		assertThat(forgot.status()).isEqualTo(200);
		assertThat(forgot.heading()).isEqualTo("Forgot your password?");
		assertThat(visitor.post("/password/forgot", Map.of("email", "not an address"), true).document()
			.select(".invalid-feedback").text()).isNotBlank();
		for (String token : List.of("", "made-up", "x".repeat(5000))) {
			assertUnusable(visitor.get("/password/set?token=" + token));
		}
		assertUnusable(visitor.get("/password/set"));
	}

	// --- helpers

	/** An invitation to be a champion (the champion module's) is told by e-mail too, with the link to answer it. */
	@Test
	void an_invitation_to_be_a_champion_is_mailed_with_the_link_to_answer_it() throws Exception {
		String name = TestData.unique("Future Champion");
		data.person(name, data.department());
		String email = TestData.email(name);

		FlashMessage said = flash(mvc.perform(post("/champions/invitations").param("personEmail", email)
			.param("message", "Would you help?")
			.with(strategist())
			.with(csrf())).andExpect(redirectedUrl("/champions/requests#invitations")).andReturn());

		assertThat(said.code()).isEqualTo("invitation.sentMailed");
		MimeMessage mail = only(email);
		assertThat(mail.getSubject()).isEqualTo("You are invited to be a champion");
		assertThat(Mailbox.text(mail)).contains("Hello " + name, BASE_URL + "/champions/invitations/mine");
	}

	private RequestPostProcessor strategist() {
		return data.as(Role.STRATEGIST);
	}

	/** A new person, invited by the strategist; their email. */
	private String invitedPerson() throws Exception {
		String name = TestData.unique("Invitee");
		long person = data.person(name, data.department());
		mvc.perform(post("/people/" + person + "/invitation").with(strategist()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		return TestData.email(name);
	}

	/** Asks for a reset link for {@code email} from {@code address} and returns its token once it arrived. */
	private String resetLink(String email, String address) throws Exception {
		int before = mailbox.to(email).size();
		forgot(email, address);
		List<MimeMessage> received = mailbox.await(email, before + 1);
		assertThat(received).hasSize(before + 1);
		return token(received.get(before));
	}

	private MvcResult forgot(String email, String address) throws Exception {
		return mvc.perform(post("/password/forgot").param("email", email).with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		})).andReturn();
	}

	private org.jsoup.nodes.Element accountRow(String email) throws Exception {
		String page = mvc.perform(get("/accounts").param("q", email).with(strategist()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return org.jsoup.Jsoup.parse(page).select("tbody tr").stream()
			.filter(row -> row.text().contains(email))
			.findFirst()
			.orElseThrow();
	}

	private String version(String table, long id) {
		return jdbc.sql("select version from " + table + " where id = ?").param(id).query(String.class).single();
	}

	private long accountId(String email) {
		return jdbc.sql("select a.id from account a join person p on p.id = a.person_id where p.email = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

	private MimeMessage only(String email) {
		List<MimeMessage> found = mailbox.to(email);
		assertThat(found).as("e-mails to " + email).hasSize(1);
		return found.get(0);
	}

	private static String token(MimeMessage message) {
		Matcher link = LINK.matcher(Mailbox.text(message));
		assertThat(link.find()).as("a link in " + Mailbox.text(message)).isTrue();
		return link.group(1);
	}

	private static FlashMessage flash(MvcResult result) {
		return (FlashMessage) result.getFlashMap().get(FlashMessage.ATTRIBUTE);
	}

	private String text(FlashMessage flash) {
		return messages.getMessage(flash.code(), flash.args(), Locale.getDefault());
	}

	private static void assertUnusable(Visitor.Page page) {
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.heading()).isEqualTo("This link doesn’t work any more");
		assertThat(page.document().select("a[href=/password/forgot]")).isNotEmpty();
		assertThat(page.document().select("form input[name=newPassword]")).isEmpty();
	}

}
