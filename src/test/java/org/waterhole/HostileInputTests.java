package org.waterhole;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Pageable;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.champion.ChampionInvitations;
import org.waterhole.champion.ChampionsData;
import org.waterhole.champion.InvitationForm;
import org.waterhole.champion.VolunteerForm;
import org.waterhole.champion.Volunteering;
import org.waterhole.experiment.ExperimentsData;
import org.waterhole.experiment.MeasurementForm;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.support.DatabaseFingerprint;
import org.waterhole.support.KeptValues;
import org.waterhole.support.HtmlForms.Target;
import org.waterhole.support.HtmlForms;
import org.waterhole.support.Routes;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.Visitor.Page;
import org.waterhole.support.Visitor;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against every form and every query parameter, over real HTTP. The forms are
 * found, not listed: a strategist opens every page of the application (records in each state
 * they can be in) and every {@code <form>} on them is parsed, as a browser would submit it; a
 * route that takes a POST and has no form on any page fails the build. Each field of each form
 * then gets every value of {@link #HOSTILE}, is left out, and is sent twice; the records in the
 * forms' paths are swapped for ones that don't exist or belong to another record. Every answer
 * must be a page (never a 5xx) that says what was wrong when it refuses, must show no value
 * unescaped, and a refused submission must leave every table exactly as it was
 * ({@link DatabaseFingerprint}). The query parameters of every page, found from the controllers'
 * signatures, get the same values.
 */
@WaterholeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTests {

	static final String SCRIPT = "<script>alert('hostile')</script>";

	static final String TAG = "\"><img src=x onerror=alert('hostile')>";

	/** What would run in a reader's browser if a value came back unescaped (lower case). */
	static final List<String> UNESCAPED = List.of("<script>alert('hostile", "<img src=x onerror",
			"href=\"javascript:", "src=\"javascript:");

	/**
	 * What an attacker, a careless paste or a broken client puts in a field: markup, SQL and LIKE
	 * metacharacters, a 100,000-character string, control characters, right-to-left overrides,
	 * other scripts and emoji, blanks, impossible dates and numbers, enum names that don't exist.
	 * Fields that pick a record or a number get the ids of real records of every kind as well
	 * ({@link #realIds}).
	 */
	static final List<String> HOSTILE = List.of(SCRIPT, TAG, "javascript:alert('hostile')", "' OR '1'='1' --",
			"'); drop table person; --", "%_\\", "x".repeat(100_000), "a\u0000b", "\u0000",
			"\u0001\u0007\u001b[31m\u007f\u009b", "line\r\nbreak\u2028\u2029", "\u202Eexe.txt\u202C",
			"مرحبا بالعالم", "👩🏽‍💻🚀\uFE0F", "", "   ", "2026-02-30", "31/12/2026", "+999999999-12-31",
			"-1", "0", "1e400", "NaN", "99999999999999999999999", "1,5", "NO_SUCH_VALUE", "9223372036854775807");

	/** The kinds of field whose input comes back as typed when the form is refused (never a password's). */
	static final Set<String> TYPED = Set.of("text", "textarea", "email", "url", "search", "tel");

	/** A record's id in a path. */
	static final Pattern ID = Pattern.compile("/(\\d+)(?=/|$|\\?)");

	/** The actions after which their record is gone or decided. */
	static final Pattern USES_UP = Pattern.compile("/(delete|decline|accept|withdraw)(\\?|$)");

	/** What goes in place of a record's id in a form's path: no such record, or no number at all. */
	static final List<String> NO_SUCH_RECORD = List.of("0", "999999999", "-1", "abc", "1.5");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestData data;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	ExperimentsData experiments;

	@Autowired
	ChampionsData champions;

	@Autowired
	Volunteering volunteering;

	@Autowired
	ChampionInvitations invitations;

	@LocalServerPort
	int port;

	Session strategist;

	Session anonymous;

	/** The others who have forms of their own: a staff member who is a champion, one invited to be one, a manager. */
	List<Session> others;

	KeptValues kept;

	/** Hostile values that forms kept, to look for on every page at the end. */
	List<KeptValues.Value> keptValues = new ArrayList<>();

	DatabaseFingerprint database;

	Map<String, String> lastFingerprint;

	/** Real ids of records of every kind: the values of a field that wants another kind or none of these. */
	List<String> realIds;

	/** Real ids for the routes' path variables, by the routes' beginning; several records per family. */
	Map<String, List<Map<String, Long>>> examples;

	/** The pages opened to find forms: every page of the application, with records in each of their states. */
	Set<String> pages;

	/** Every way to submit every form on those pages, by everyone who has them, the login form included. */
	List<Reach> targets;

	/** Where successful submissions led, by whom: the records they made, to look at again at the end. */
	Map<Session, Set<String>> landings = new LinkedHashMap<>();

	int submissions;

	int formsTried;

	int fieldsTried;

	int valuesTried;

	@BeforeAll
	void prepare() {
		database = new DatabaseFingerprint(jdbc);
		kept = new KeptValues(jdbc, DatabaseFingerprint.BOOKKEEPING);
		String email = data.account(Role.STRATEGIST);
		strategist = Session.signedIn("strategist", port, email);
		anonymous = Session.anonymous(port);

		long department = data.department(TestData.unique("Hostile"));
		long otherDepartment = data.department(TestData.unique("Hostile"));
		long person = data.person(department);
		long withoutAccount = data.person(department);
		long account = ((WaterholeUser) data.user(Role.STAFF)).getAccountId();
		long published = caseStudies.published(TestData.unique("Hostile check"));
		long otherPublished = caseStudies.published(TestData.unique("Hostile check"));
		long draft = caseStudies.draft(TestData.unique("Hostile check"), form -> {
		});
		long archived = caseStudies.archived(TestData.unique("Hostile check"));
		long idea = experiments.idea(TestData.unique("Hostile check"));
		long planned = experiments.planned(TestData.unique("Hostile check"));
		long completed = experiments.completed(TestData.unique("Hostile check"), org.waterhole.experiment.Outcome.SUCCEEDED,
				form -> {
				});
		List<Map<String, Long>> running = new ArrayList<>();
		for (long caseStudy : List.of(published, otherPublished)) {
			long experiment = experiments.running(TestData.unique("Hostile check"), TestClock.today().minusDays(3));
			MeasurementForm measurement = new MeasurementForm();
			measurement.setMeasuredOn(TestClock.today());
			measurement.setValue(BigDecimal.TEN);
			experiments.service().addMeasurement(experiment, measurement);
			experiments.service().linkCaseStudy(experiment, caseStudy);
			long measurementId = experiments.service().view(experiment).measurements().get(0).id();
			running.add(Map.of("id", experiment, "edit", measurementId));
		}
		List<Map<String, Long>> championExamples = new ArrayList<>();
		for (long in : List.of(department, otherDepartment)) {
			long champion = champions.champion(data.person(in));
			champions.activity(champion, TestClock.today(), person);
			championExamples.add(Map.of("id", champion));
		}
		// A staff member who is a champion (their profile has the forms that log and delete their own
		// activities), one invited to be one (the forms that answer), and a manager.
		String championEmail = data.account(Role.STAFF, department);
		long staffChampion = champions.champion(personOf(championEmail));
		champions.activity(staffChampion, TestClock.today(), personOf(championEmail));
		championExamples.add(Map.of("id", staffChampion));
		String invitedEmail = data.account(Role.STAFF, otherDepartment);
		InvitationForm staffInvitation = new InvitationForm();
		staffInvitation.setPersonEmail(invitedEmail);
		long staffInvited = invitations.invite(staffInvitation, person).id();
		others = List.of(Session.signedIn("staff champion", port, championEmail),
				Session.signedIn("invited staff", port, invitedEmail),
				Session.signedIn("manager", port, data.account(Role.MANAGER, department)));
		VolunteerForm offer = new VolunteerForm();
		offer.setPitch("Hostile check");
		long request = volunteering.volunteer(data.person(otherDepartment), offer);
		// The strategist invited themself: their own invitations page has the forms that answer it.
		InvitationForm invitation = new InvitationForm();
		invitation.setPersonEmail(email);
		long invited = invitations.invite(invitation, person).id();

		examples = new LinkedHashMap<>();
		examples.put("/departments/", List.of(Map.of("id", department), Map.of("id", otherDepartment)));
		examples.put("/people/", List.of(Map.of("id", person)));
		examples.put("/accounts/", List.of(Map.of("id", account)));
		examples.put("/library/", List.of(Map.of("id", published), Map.of("id", draft), Map.of("id", archived)));
		List<Map<String, Long>> experimentExamples = new ArrayList<>(running);
		experimentExamples.addAll(List.of(Map.of("id", idea), Map.of("id", planned), Map.of("id", completed)));
		examples.put("/experiments/", experimentExamples);
		examples.put("/champions/", championExamples);
		examples.put("/champions/requests/", List.of(Map.of("id", request)));
		examples.put("/champions/invitations/", List.of(Map.of("id", invited), Map.of("id", staffInvited)));
		examples.put("/adoption/departments/", List.of(Map.of("id", department)));
		// A department with a dismissed suggestion: its page has the form that shows it again.
		long dismissedIn = data.department(TestData.unique("Hostile"));
		assertThat(strategist.visitor().post("/playbook/departments/" + dismissedIn + "/dismissals",
				Map.of("rule", "RECRUIT_CHAMPION", "reason", "Hostile check"), true).status())
			.isEqualTo(302);
		examples.put("/playbook/departments/", List.of(Map.of("id", department), Map.of("id", dismissedIn)));

		pages = new LinkedHashSet<>();
		for (String route : routes(RequestMethod.GET)) {
			if (!Set.of("/error", "/expired", "/login").contains(route) && !route.endsWith(".csv")
					&& !RouteAccessTests.REDIRECTS.contains("GET " + route)) {
				pages.addAll(concrete(route));
			}
		}
		for (Map<String, Long> experiment : running) {
			// A measurement being edited in place, and the search that offers case studies to link.
			pages.add("/experiments/" + experiment.get("id") + "?edit=" + experiment.get("edit"));
			pages.add("/experiments/" + experiment.get("id") + "?find=Hostile+check");
		}
		pages.add("/accounts/new?person=" + withoutAccount);
		// The page a link from an e-mail opens, with its form that sets the password (only the token's hash is kept).
		String linkToken = TestData.unique("hostile-check").replace(' ', '-');
		jdbc.sql("""
				insert into password_link (id, account_id, purpose, token_hash, created_at, expires_at)
				values (nextval('password_link_seq'), ?, 'INVITATION', encode(sha256(convert_to(?, 'UTF8')), 'hex'),
				        ?, ? + interval '7 days')
				""").param(account).param(linkToken).param(TestClock.now().atOffset(ZoneOffset.UTC)).param(TestClock.now().atOffset(ZoneOffset.UTC)).update();
		pages.add("/password/set?token=" + linkToken);
		pages.add("/adoption/events/new?department=" + department);

		targets = new ArrayList<>();
		for (String page : pages) {
			Page answer = strategist.visitor().get(page);
			assertThat(answer.status()).as(page).isEqualTo(200);
			targets.addAll(postForms(strategist, page, answer));
		}
		// The others' forms: on the pages they may open (the rest answer 403 or 404 to them).
		for (Session other : others) {
			for (String page : pages) {
				Page answer = other.visitor().get(page);
				assertThat(answer.status()).as(other + " " + page).isIn(200, 302, 403, 404);
				if (answer.status() == 200) {
					targets.addAll(postForms(other, page, answer));
				}
			}
		}
		targets.addAll(postForms(anonymous, "/login", anonymous.visitor().get("/login")));
		// Forms that use their record up (delete it, answer an offer) last, so the others find theirs.
		targets.sort(Comparator.comparingInt(reach -> usesUp(reach.target())));

		Set<String> ids = new LinkedHashSet<>();
		examples.values().forEach(family -> family.forEach(example -> example.values().forEach(id -> ids.add(id.toString()))));
		Stream.of(withoutAccount, person, published).forEach(id -> ids.add(id.toString()));
		realIds = List.copyOf(ids);
		lastFingerprint = database.take();
	}

	@AfterAll
	void report() {
		System.out.printf("Hostile input: %d pages opened, %d form targets; %d forms with %d fields given %d hostile "
				+ "values in all; %d submissions and requests%n", pages.size(), targets.size(), formsTried, fieldsTried,
				valuesTried, submissions);
	}

	@Test
	@Order(1)
	void every_route_that_takes_a_post_has_a_form_on_some_page() {
		Set<String> reached = new TreeSet<>();
		targets.forEach(reach -> routeOf("POST", reach.target().action()).ifPresent(reached::add));
		Set<String> posts = new TreeSet<>(routes(RequestMethod.POST));
		// The department chooser's form is shown only to someone signed in through a provider with no
		// department (OwnDepartmentPageTests gives it hostile values). The form that withdraws an offer
		// (no field but its token) shows only while one's own offer waits, in place of the offer form
		// (ChampionsForTheReaderTests withdraws one, and one that was answered).
		posts.removeAll(Set.of("/error", "/expired", "/account/department", "/champions/volunteer/withdraw"));
		assertThat(reached).as("POST routes reached by a form").containsAll(posts);
	}

	@TestFactory
	@Order(3)
	List<DynamicTest> hostile_values_in_every_field_of_every_form() {
		List<DynamicTest> tests = new ArrayList<>();
		Set<String> tried = new LinkedHashSet<>();
		for (Reach reach : targets) {
			Target target = reach.target();
			String route = routeOf(target.method(), target.action()).orElse(target.action());
			if (!tried.add(reach.who() + " " + route + " " + target.button() + " " + target.names())) {
				continue; // the same form of another record of the same kind
			}
			tests.add(DynamicTest.dynamicTest(reach.toString(), () -> {
				lastFingerprint = database.take();
				Form form = new Form(reach.who(), target);
				form.reopen(); // as it is now: forms before it may have changed its record
				form.submit(Target::filledIn, "as filled in");
				formsTried++;
				for (String name : target.names()) {
					fieldsTried++;
					for (String value : target.picks(name) ? hostileValues() : HOSTILE) {
						form.submit(t -> t.with(name, value), name + "=" + shorten(value));
						valuesTried++;
					}
					for (KeptValues.Value value : KeptValues.fresh()) {
						form.submit(t -> t.with(name, value.sent()), name + "=" + value, name, value);
						valuesTried++;
					}
					form.submit(t -> t.without(name), "without " + name);
					form.submit(t -> t.twice(name, SCRIPT), name + " twice");
				}
			}));
		}
		return tests;
	}

	@TestFactory
	@Order(2)
	List<DynamicTest> records_that_do_not_exist_or_belong_to_another_record() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Reach reach : targets) {
			Target target = reach.target();
			int ids = ID.matcher(target.action()).results().mapToInt(found -> 1).sum();
			if (ids == 0) {
				continue;
			}
			Session who = reach.who();
			tests.add(DynamicTest.dynamicTest(reach.toString(), () -> {
				lastFingerprint = database.take();
				for (String other : NO_SUCH_RECORD) {
					for (int position = 0; position < ids; position++) {
						String action = replaceId(target.action(), position, other);
						String what = reach + " with " + action;
						assertNoSuchRecord(who, send(who, target, action, target.filledIn(), false), what);
					}
				}
				// A record of the same kind that belongs to another parent (a measurement of another experiment).
				if (ids > 1) {
					String route = routeOf(target.method(), target.action()).orElseThrow();
					for (Reach sibling : targets) {
						String otherParent = firstId(sibling.target().action());
						if (!sibling.target().equals(target)
								&& routeOf(sibling.target().method(), sibling.target().action()).orElse("").equals(route)
								&& !otherParent.equals(firstId(target.action()))) {
							String action = replaceId(target.action(), 0, otherParent);
							assertNoSuchRecord(who, send(who, target, action, target.filledIn(), false),
									reach + " with " + action);
						}
					}
				}
			}));
		}
		return tests;
	}

	@TestFactory
	@Order(4)
	List<DynamicTest> hostile_values_in_every_query_parameter() {
		List<DynamicTest> tests = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (!info.getMethodsCondition().getMethods().isEmpty()
					&& !info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
				return;
			}
			Set<String> parameters = queryParameters(method);
			for (String route : patterns(info)) {
				if (route.equals("/error") || route.equals("/expired") || parameters.isEmpty()) {
					continue;
				}
				String path = concrete(route).get(0);
				tests.add(DynamicTest.dynamicTest("GET " + route + " " + parameters, () -> {
					for (String parameter : parameters) {
						for (String value : hostileValues()) {
							Page answer = strategist.visitor().get(path + (path.contains("?") ? "&" : "?") + encode(parameter)
									+ "=" + encode(value));
							String what = "GET " + path + " " + parameter + "=" + shorten(value);
							submissions++;
							assertThat(answer.status()).as(what).isLessThan(500);
							assertAnswered(answer, what);
						}
					}
				}));
			}
		});
		assertThat(tests).hasSizeGreaterThan(10);
		return tests;
	}

	/**
	 * Every page each of them can open is opened again (the pages the forms were found on, where
	 * submissions led, every search for the values, every CSV export), and every hostile value a
	 * form kept is looked for on it: where it shows, it shows literally, as text, and nothing on the
	 * page is markup made from it.
	 */
	@Test
	@Order(5)
	void what_was_kept_comes_back_escaped_on_every_page() {
		assertThat(keptValues).as("hostile values that forms kept").isNotEmpty();
		List<String> faults = new ArrayList<>();
		Set<KeptValues.Value> seen = new LinkedHashSet<>();
		for (Session who : sessions()) {
			Set<String> opened = new LinkedHashSet<>(pagesFor(who));
			opened.addAll(exports());
			for (String page : opened) {
				lookAgain(who, page, faults, seen);
			}
		}
		System.out.printf("Hostile input: %d values kept, %d of them found again on pages and files%n",
				keptValues.size(), seen.size());
		assertThat(seen).as("kept values found again on some page").isNotEmpty();
		assertThat(faults).as("values kept and shown otherwise than as text").isEmpty();
	}

	/**
	 * Where no foreign key can hold (an array, a history that outlives its subject), no
	 * submission left a reference to a department that doesn't exist.
	 */
	@Test
	@Order(6)
	void no_history_about_departments_that_do_not_exist() {
		assertThat(jdbc.sql("""
				select e.id || ' ' || e.kind || ' ' || e.department_ids::text || ' ' || coalesce(e.champion_department_id, 0)
				from adoption_event e
				where exists (select 1 from unnest(e.department_ids || e.champion_department_id) d
				              where d is not null and not exists (select 1 from department where id = d))
				union all
				select 'experiment ' || x.experiment_id || ' ' || x.department_id from adoption_experiment x
				where not exists (select 1 from department where id = x.department_id)""").query(String.class).list())
			.as("adoption history about departments that don't exist")
			.isEmpty();
	}

	/** Opens the page (or file) as {@code who}; notes the kept values it shows otherwise than as text. */
	private void lookAgain(Session who, String page, List<String> faults, Set<KeptValues.Value> seen) {
		String where = who + " GET " + page;
		Page answer = who.visitor().get(page, "text/html, text/csv");
		assertThat(answer.status()).as(where).isLessThan(500);
		assertAnswered(answer, where);
		if (answer.status() != 200) {
			return;
		}
		String type = answer.headers().firstValue("Content-Type").orElse("");
		boolean csv = type.startsWith("text/csv");
		if (!csv && !type.startsWith("text/html")) {
			return; // a copy of one's data as JSON: no page, nothing in it becomes markup
		}
		Document document = csv ? null : answer.document();
		if (!csv) {
			KeptValues.injected(document).forEach(made -> faults.add(where + ": markup from a value: " + made));
		}
		for (KeptValues.Value value : keptValues) {
			if (answer.body().contains(value.marker())) {
				seen.add(value);
				if (csv ? !KeptValues.inCsv(answer.body(), value) : !KeptValues.showsLiterally(document, value)) {
					faults.add(where + ": " + value + " not shown as it was kept");
				}
			}
		}
	}

	private List<Session> sessions() {
		List<Session> all = new ArrayList<>(others);
		all.add(0, strategist);
		return all;
	}

	/**
	 * The pages {@code who} looks at again: those the forms were found on, where their
	 * submissions led, and every search (a page that takes {@code q}) for the kept values.
	 */
	private Set<String> pagesFor(Session who) {
		Set<String> again = new LinkedHashSet<>(pages);
		again.addAll(landings.getOrDefault(who, Set.of()));
		for (String route : searches()) {
			for (String path : concrete(route)) {
				again.add(path + "?q=" + encode(SCRIPT));
				again.add(path + "?q=hostile");
			}
		}
		return again;
	}

	/** The routes of pages that take a search ({@code q}) among their query parameters. */
	private Set<String> searches() {
		Set<String> routes = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if ((info.getMethodsCondition().getMethods().isEmpty()
					|| info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
					&& queryParameters(method).contains("q")) {
				routes.addAll(patterns(info));
			}
		});
		return routes;
	}

	/** Every CSV export, for each of its example records. */
	private Set<String> exports() {
		Set<String> files = new TreeSet<>();
		routes(RequestMethod.GET).stream().filter(route -> route.endsWith(".csv")).forEach(route -> files.addAll(concrete(route)));
		return files;
	}

	/**
	 * The answer to a submission about a record that isn't there: an error page (for someone but
	 * the strategist, a refusal also does: the record isn't theirs), or (where doing it twice is
	 * harmless, as deleting) the page it leads to warns that there was nothing to do; and nothing
	 * changed.
	 */
	private void assertNoSuchRecord(Session who, Page answer, String what) {
		assertThat(answer.status()).as(what).isIn(who == strategist ? List.of(302, 303, 400, 404)
				: List.of(302, 303, 400, 403, 404));
		assertAnswered(answer, what);
		if (answer.status() < 400) {
			assertThat(follow(who, answer.location(), what)).as(what + " → " + answer.location() + ": warns").isTrue();
		}
		assertUnchanged(what);
	}

	/** 0 for a form that leaves its record, 1 for one that uses it up, 2 for accepting an offer (after declining it). */
	private static int usesUp(Target target) {
		Matcher action = USES_UP.matcher(target.action());
		return !action.find() ? 0 : action.group(1).equals("accept") ? 2 : 1;
	}

	private List<String> hostileValues() {
		List<String> values = new ArrayList<>(HOSTILE);
		values.addAll(realIds);
		return values;
	}

	/** The POST forms of a page as {@code who} has it, but signing out. */
	private static List<Reach> postForms(Session who, String page, Page answer) {
		return HtmlForms.of(page, answer.document())
			.stream()
			.filter(target -> target.method().equals("POST") && !target.action().equals("/logout"))
			.map(target -> new Reach(who, target))
			.toList();
	}

	private long personOf(String email) {
		return ((WaterholeUser) data.user(email)).getPersonId();
	}

	/** Someone using the application, signed in or not, with the CSRF token of their session. */
	record Session(String name, Visitor visitor, String token) {

		static Session signedIn(String name, int port, String email) {
			Visitor visitor = new Visitor(port);
			assertThat(visitor.signIn(email, TestData.PASSWORD).location()).as(name).endsWith("/");
			return new Session(name, visitor, visitor.csrfToken());
		}

		static Session anonymous(int port) {
			Visitor visitor = new Visitor(port);
			return new Session("anonymous", visitor, visitor.csrfToken());
		}

		@Override
		public String toString() {
			return name;
		}

	}

	/** A form on a page as {@code who} has it. */
	record Reach(Session who, Target target) {

		@Override
		public String toString() {
			return "as " + who + ": " + target;
		}

	}

	/**
	 * A form as someone has it on its page. After each submission that was kept, the page is
	 * opened again, as a user would, so the next one starts from the record's new version.
	 */
	private final class Form {

		private final Session who;

		private Target target;

		Form(Session who, Target target) {
			this.who = who;
			this.target = target;
		}

		void submit(Function<Target, List<Map.Entry<String, String>>> fields, String what) {
			submit(fields, what, null, null);
		}

		/**
		 * Submits {@code fields} (and again by htmx when the form uses it) and checks the answer;
		 * when {@code value} (in the field {@code name}) was kept, checks that it was kept as sent,
		 * and when the form came back, that it came back with it.
		 */
		void submit(Function<Target, List<Map.Entry<String, String>>> fields, String what, String name,
				KeptValues.Value value) {
			for (boolean htmx : target.htmx() ? List.of(false, true) : List.of(false)) {
				String described = "as " + who + ": " + target + " " + what + (htmx ? " by htmx" : "");
				Page answer = send(who, target, target.action(), fields.apply(target), htmx);
				if (refused(answer, described, what, htmx)) {
					assertUnchanged(described);
					if (value != null && answer.status() == 200 && !htmx) {
						assertInputKept(answer, name, value, described);
					}
				}
				else {
					lastFingerprint = database.take();
					if (value != null) {
						assertKeptAsSent(value, described);
					}
					reopen();
				}
			}
		}

		/** Whether the answer refused the submission; checks that it is a page that says why. */
		private boolean refused(Page answer, String described, String what, boolean htmx) {
			assertThat(answer.status()).as(described).isLessThan(500);
			assertAnswered(answer, described);
			// A form that comes back was not saved (by htmx, a fragment may be what a saved form
			// shows), and says why, unless a button such as "preview" asked for it to come back.
			if (who != anonymous) {
				// Everyone submits only the forms their pages give them: a 403 would be a lost session or CSRF token.
				assertThat(answer.status()).as(described + ": still signed in").isNotIn(401, 403);
			}
			boolean saysWhy = answer.status() == 200 && saysWhatIsWrong(answer);
			boolean refused = answer.status() >= 400 || (answer.status() == 200 && (!htmx || saysWhy));
			if (answer.status() == 200 && !htmx && target.button() == null) {
				assertThat(saysWhy).as(described + ": a form that comes back says what is wrong; it shows "
						+ excerpt(answer.document().select("main").text())).isTrue();
			}
			if (answer.status() == 302 || answer.status() == 303) {
				// Refused on the page it leads to (already decided, nothing to unlink): a warning.
				refused = follow(who, answer.location(), described);
			}
			if (what.equals("as filled in") && target.page().endsWith("/edit") && target.button() == null
					&& target.names().contains("version")) {
				assertThat(answer.status()).as(described + ": an edit form saves as the page filled it in; it says "
						+ answer.document().select(".invalid-feedback, [role=alert]").eachText()).isIn(302, 303);
				assertThat(refused).as(described + ": saved without a warning").isFalse();
			}
			return refused;
		}

		/**
		 * A form that came back shows in a text field what was typed in it: cleaned as it would be
		 * kept, or as sent when it didn't convert (a number), control characters aside. A page that
		 * no longer offers the form (its record moved on) has nothing to show.
		 */
		private void assertInputKept(Page answer, String name, KeptValues.Value value, String described) {
			boolean typed = target.fields()
				.stream()
				.anyMatch(field -> field.name().equals(name) && TYPED.contains(field.kind()));
			if (!typed) {
				return;
			}
			List<String> shown = HtmlForms.of(target.page(), answer.document())
				.stream()
				.filter(now -> now.action().equals(target.action()))
				.flatMap(now -> now.fields().stream())
				.filter(field -> field.name().equals(name))
				.flatMap(field -> field.values().stream())
				.map(KeptValues::withoutControls)
				.toList();
			if (!shown.isEmpty()) {
				assertThat(shown).as(described + ": the form came back with the input kept").contains(value.kept());
			}
		}

		/** The form as its page shows it now; as it was if the page no longer has it (its record is gone). */
		void reopen() {
			if (who == anonymous) {
				return;
			}
			Page page = who.visitor().get(target.page());
			if (page.status() == 200) {
				// The same form; with other fields if its record moved on meanwhile (an experiment that an
				// earlier form completed shows its end date, and its frozen metric in hidden fields).
				List<Target> same = HtmlForms.of(target.page(), page.document())
					.stream()
					.filter(now -> now.action().equals(target.action()) && Objects.equals(now.button(), target.button()))
					.toList();
				same.stream()
					.filter(now -> now.names().equals(target.names()))
					.findFirst()
					.or(() -> same.stream().findFirst())
					.ifPresent(now -> target = now);
			}
		}

	}

	/**
	 * A kept value is in some column exactly as it must be kept, or in none at all (a password
	 * keeps only its hash, a search nothing); never only changed (cut short, partly cleaned).
	 */
	private void assertKeptAsSent(KeptValues.Value value, String described) {
		List<String> withMarker = kept.columnsWithMarker(value);
		if (withMarker.isEmpty()) {
			return;
		}
		assertThat(kept.columnsWithValue(value)).as(described + ": kept exactly as sent; changed in " + withMarker)
			.isNotEmpty();
		keptValues.add(value);
	}

	private Page send(Session who, Target target, String action, List<Map.Entry<String, String>> fields, boolean htmx) {
		submissions++;
		List<Map.Entry<String, String>> sent = new ArrayList<>(fields);
		sent.add(Map.entry("_csrf", who.token()));
		if (who == anonymous) {
			jdbc.sql("delete from sign_in_failure").update(); // each attempt is judged, not paused
		}
		Map<String, String> headers = htmx ? Map.of("HX-Request", "true") : Map.of();
		if (target.multipart()) {
			String boundary = "----hostile" + submissions;
			Set<String> files = new LinkedHashSet<>();
			target.fields().stream().filter(HtmlForms.Field::file).forEach(field -> files.add(field.name()));
			return who.visitor().postRaw(action, "multipart/form-data; boundary=" + boundary,
					HtmlForms.multipart(sent, files, boundary), headers);
		}
		return who.visitor().postRaw(action, "application/x-www-form-urlencoded",
				HtmlForms.urlEncoded(sent).getBytes(StandardCharsets.UTF_8), headers);
	}

	/**
	 * Opens the page a submission led to, which shows what was kept, escaped; whether it warns
	 * that nothing was done (a flash message of warning or error).
	 */
	private boolean follow(Session who, String location, String what) {
		String path = location.replaceFirst("^https?://[^/]+", "");
		if (who == anonymous) {
			return path.contains("error") || path.contains("paused"); // the login form's own answers
		}
		assertThat(path).as(what + ": still signed in").doesNotStartWith("/login");
		Page landing = who.visitor().get(path);
		assertThat(landing.status()).as(what + " → " + path).isLessThan(500);
		assertAnswered(landing, what + " → " + path);
		landings.computeIfAbsent(who, session -> new TreeSet<>()).add(path.replaceFirst("#.*", ""));
		return !landing.document().select(".alert-dismissible.alert-warning, .alert-dismissible.alert-danger").isEmpty();
	}

	private static void assertAnswered(Page answer, String what) {
		String type = answer.headers().firstValue("Content-Type").orElse("");
		if (!type.startsWith("text/html")) {
			return;
		}
		String body = answer.body().toLowerCase();
		for (String unescaped : UNESCAPED) {
			assertThat(body).as(what + ": shows a value unescaped").doesNotContain(unescaped);
		}
		if (answer.status() >= 400) {
			assertThat(answer.heading()).as(what + ": the error page's heading").isNotBlank();
		}
	}

	private static boolean saysWhatIsWrong(Page answer) {
		Document page = answer.document();
		return page.select(".invalid-feedback, .alert-danger, [role=alert]")
			.stream()
			.anyMatch(message -> !message.text().isBlank());
	}

	private void assertUnchanged(String what) {
		Map<String, String> now = database.take();
		assertThat(now).as(what + ": a refused submission keeps nothing").isEqualTo(lastFingerprint);
		lastFingerprint = now;
	}

	/** The route patterns for {@code method}, from the running application's handler mappings. */
	private Set<String> routes(RequestMethod method) {
		Set<String> routes = new TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(method)) {
				routes.addAll(patterns(info));
			}
		});
		return routes;
	}

	private static Set<String> patterns(RequestMappingInfo info) {
		return info.getPatternValues();
	}

	/** The route pattern that {@code path} (with its query, if any) goes to. */
	private Optional<String> routeOf(String method, String path) {
		PathContainer container = PathContainer.parsePath(path.replaceFirst("[?#].*", ""));
		return mappings.getHandlerMethods()
			.keySet()
			.stream()
			.filter(info -> info.getMethodsCondition().getMethods().isEmpty()
					|| info.getMethodsCondition().getMethods().contains(RequestMethod.valueOf(method)))
			.flatMap(info -> info.getPathPatternsCondition().getPatterns().stream())
			.filter(pattern -> pattern.matches(container))
			.sorted(PathPattern.SPECIFICITY_COMPARATOR)
			.map(PathPattern::getPatternString)
			.findFirst();
	}

	private List<String> concrete(String pattern) {
		return Routes.concrete(pattern, examples);
	}

	/**
	 * The query parameters a GET handler reads: its {@code @RequestParam}s, the properties of the
	 * objects it binds from the query (filters, forms) and a {@link Pageable}'s page, size and sort.
	 */
	private static Set<String> queryParameters(HandlerMethod method) {
		Set<String> names = new TreeSet<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			Class<?> type = parameter.getParameterType();
			RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
			if (parameter.hasParameterAnnotation(PathVariable.class)
					|| parameter.hasParameterAnnotation(AuthenticationPrincipal.class)) {
				continue;
			}
			if (requestParam != null) {
				names.add(requestParam.name().isEmpty() ? parameter.getParameterName() : requestParam.name());
			}
			else if (Sort.class.isAssignableFrom(type)) {
				names.add("sort");
			}
			else if (Pageable.class.isAssignableFrom(type)) {
				names.addAll(List.of("page", "size", "sort"));
			}
			else if (parameter.hasParameterAnnotation(ModelAttribute.class)
					|| type.getPackageName().startsWith("org.waterhole")) {
				if (type.isRecord()) {
					for (RecordComponent component : type.getRecordComponents()) {
						names.add(component.getName());
					}
				}
				else {
					for (var property : BeanUtils.getPropertyDescriptors(type)) {
						if (property.getWriteMethod() != null) {
							names.add(property.getName());
						}
					}
				}
			}
		}
		return names;
	}

	private static String replaceId(String action, int position, String replacement) {
		Matcher ids = ID.matcher(action);
		int seen = 0;
		while (ids.find()) {
			if (seen++ == position) {
				return action.substring(0, ids.start(1)) + replacement + action.substring(ids.end(1));
			}
		}
		throw new IllegalArgumentException("no id " + position + " in " + action);
	}

	private static String firstId(String action) {
		Matcher ids = ID.matcher(action);
		return ids.find() ? ids.group(1) : "";
	}

	private static String shorten(String value) {
		String visible = value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + " characters)" : value;
		return visible.codePoints()
			.mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c))
			.reduce("", String::concat);
	}

	private static String excerpt(String text) {
		return text.length() > 600 ? text.substring(0, 600) + "…" : text;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
