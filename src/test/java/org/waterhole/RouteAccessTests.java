package org.waterhole;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.champion.ChampionInvitations;
import org.waterhole.champion.ChampionsData;
import org.waterhole.champion.Directory;
import org.waterhole.champion.InvitationForm;
import org.waterhole.champion.VolunteerForm;
import org.waterhole.champion.Volunteering;
import org.waterhole.experiment.ExperimentsData;
import org.waterhole.experiment.MeasurementForm;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;
import org.waterhole.support.Routes;
import org.waterhole.support.SecurityPolicies;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.Visitor.Page;
import org.waterhole.support.Visitor;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may reach what, for every route the application has, over real HTTP. The routes come
 * from the running application's handler mappings, not from a list kept by hand: a route that
 * is added without a rule below fails the build. For each route and method: anonymous visitors
 * are sent to the login page, a signed-in user without the right role gets the 403 page, the
 * right role gets the page; a POST without a CSRF token is refused. HEAD gets the answer of GET,
 * and OPTIONS no more than the methods a route allows, and only to whom GET would let in. Every
 * path is also sent spelled otherwise ({@link Spelling}), with every method and by every visitor:
 * no spelling reaches a page whose rule would refuse the visitor.
 */
@WaterholeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessTests {

	/** Who may use a route: anyone, or a signed-in user with at least this role. */
	enum Access {

		PUBLIC, STAFF, MANAGER, STRATEGIST;

		boolean allows(Role role) {
			return this == PUBLIC || role.ordinal() >= Role.valueOf(name()).ordinal();
		}

	}

	/**
	 * A path spelled otherwise than the application spells it, and what it must be answered:
	 * the same path once decoded gets the same answer; a path that Spring Security's firewall (or
	 * the servlet container) refuses gets 400; a path that matches no route, nor any rule but
	 * "signed in", gets the same answer or is turned away or not found.
	 */
	enum Spelling {

		/** {@code /%70eople}: decoded by the container into the path itself. */
		ENCODED_LETTER(Answer.SAME, path -> encodeFirstLetter(path, "%")),
		/** {@code /people/}: not matched by a route nor by a rule. */
		TRAILING_SLASH(Answer.SAME_OR_REFUSED, path -> path.endsWith("/") ? path : path + "/"),
		/** {@code /PEOPLE}: routes and rules match case-sensitively. */
		UPPER_CASE(Answer.SAME_OR_REFUSED, path -> path.toUpperCase(Locale.ROOT)),
		/** {@code /people;x=1/5}: a path parameter, which the firewall refuses. */
		PATH_PARAMETER(Answer.REFUSED, path -> path.replaceFirst("^(/[^/]*)", "$1;x=1")),
		/** {@code /people/5;jsessionid=...}: a session id in the path, which the firewall refuses. */
		SESSION_ID(Answer.REFUSED, path -> path + ";jsessionid=0123456789ABCDEF0123456789ABCDEF"),
		/** {@code /people%2F5}: an encoded slash. */
		ENCODED_SLASH(Answer.REFUSED, path -> path.length() > 1 && path.indexOf('/', 1) > 0
				? path.replaceFirst("(?<=.)/", "%2F") : "/%2F" + path.substring(1)),
		/** {@code /%2570eople}: encoded twice, so that one more decoding would give the path. */
		DOUBLE_ENCODED_LETTER(Answer.REFUSED, path -> encodeFirstLetter(path, "%25")),
		/** {@code /%2E/people}: an encoded dot segment. */
		ENCODED_DOT(Answer.REFUSED, path -> "/%2E" + path),
		/** {@code /x/../people}: a path that normalises to the path. */
		DOT_SEGMENT(Answer.REFUSED, path -> "/x/.." + path),
		/** {@code //people}: an empty segment. */
		DOUBLE_SLASH(Answer.REFUSED, path -> "/" + path);

		/** What a spelling must be answered. */
		enum Answer {

			SAME, SAME_OR_REFUSED, REFUSED

		}

		private final Answer answer;

		private final UnaryOperator<String> spelling;

		Spelling(Answer answer, UnaryOperator<String> spelling) {
			this.answer = answer;
			this.spelling = spelling;
		}

		/** The path spelled this way, unless this spelling of it is the path itself (the root's case). */
		Optional<String> spell(String path) {
			String spelled = spelling.apply(path);
			return spelled == null || spelled.equals(path) ? Optional.empty() : Optional.of(spelled);
		}

		/**
		 * Whether {@code answer} to this spelling is right where the path itself is answered
		 * {@code canonical}. The answers to a POST are compared by who is let in, as the first
		 * one may have changed the record.
		 */
		boolean accepts(Page answer, Page canonical, boolean post) {
			boolean same = post ? decision(answer).equals(decision(canonical))
					: answer.status() == canonical.status() && Objects.equals(answer.location(), canonical.location());
			return switch (this.answer) {
				case SAME -> same;
				case SAME_OR_REFUSED -> same || refused(answer) || answer.status() == 404;
				case REFUSED -> answer.status() == 400;
			};
		}

		private static String decision(Page page) {
			return refused(page) ? page.status() + " " + page.location() : "let in";
		}

		private static String encodeFirstLetter(String path, String percent) {
			for (int i = 0; i < path.length(); i++) {
				if (Character.isLetter(path.charAt(i))) {
					return path.substring(0, i) + percent + "%02X".formatted((int) path.charAt(i))
							+ path.substring(i + 1);
				}
			}
			return null;
		}

	}

	/** Every route of the application, "METHOD pattern", with who may use it. */
	static final Map<String, Access> RULES = Map.ofEntries(
			Map.entry("GET /", Access.STAFF),
			Map.entry("GET /login", Access.PUBLIC),
			Map.entry("GET /error", Access.PUBLIC),
			Map.entry("POST /error", Access.PUBLIC),
			Map.entry("GET /expired", Access.PUBLIC),
			Map.entry("POST /expired", Access.PUBLIC),
			Map.entry("GET /password/forgot", Access.PUBLIC),
			Map.entry("POST /password/forgot", Access.PUBLIC),
			Map.entry("GET /password/set", Access.PUBLIC),
			Map.entry("POST /password/set", Access.PUBLIC),
			Map.entry("GET /privacy", Access.PUBLIC),
			Map.entry("GET /privacy/views", Access.STRATEGIST),
			Map.entry("GET /account/password", Access.STAFF),
			Map.entry("POST /account/password", Access.STAFF),
			Map.entry("GET /account/digest", Access.STAFF),
			Map.entry("GET /account/department", Access.STAFF),
			Map.entry("POST /account/department", Access.STAFF),
			Map.entry("POST /account/digest", Access.STAFF),
			Map.entry("GET /account/readings", Access.STAFF),
			Map.entry("POST /account/readings", Access.STAFF),
			Map.entry("GET /account/data", Access.STAFF),
			Map.entry("GET /account/data.json", Access.STAFF),
			Map.entry("GET /departments", Access.STAFF),
			Map.entry("GET /departments/{id}", Access.STAFF),
			Map.entry("GET /departments/new", Access.STRATEGIST),
			Map.entry("POST /departments", Access.STRATEGIST),
			Map.entry("GET /departments/{id}/edit", Access.STRATEGIST),
			Map.entry("POST /departments/{id}", Access.STRATEGIST),
			Map.entry("GET /departments/{id}/history", Access.STRATEGIST),
			Map.entry("GET /people", Access.STRATEGIST),
			Map.entry("GET /people/new", Access.STRATEGIST),
			Map.entry("POST /people", Access.STRATEGIST),
			Map.entry("GET /people/{id}/edit", Access.STRATEGIST),
			Map.entry("POST /people/{id}", Access.STRATEGIST),
			Map.entry("GET /people/{id}/history", Access.STRATEGIST),
			Map.entry("GET /people/{id}/data", Access.STRATEGIST),
			Map.entry("GET /people/{id}/data.json", Access.STRATEGIST),
			Map.entry("GET /people/import", Access.STRATEGIST),
			Map.entry("POST /people/import", Access.STRATEGIST),
			Map.entry("POST /people/{id}/invitation", Access.STRATEGIST),
			Map.entry("GET /people/{id}/erase", Access.STRATEGIST),
			Map.entry("POST /people/{id}/erase", Access.STRATEGIST),
			Map.entry("POST /departments/{id}/invitations", Access.STRATEGIST),
			Map.entry("GET /accounts", Access.STRATEGIST),
			Map.entry("GET /accounts/new", Access.STRATEGIST),
			Map.entry("POST /accounts", Access.STRATEGIST),
			Map.entry("GET /accounts/{id}/edit", Access.STRATEGIST),
			Map.entry("POST /accounts/{id}", Access.STRATEGIST),
			Map.entry("POST /accounts/{id}/password", Access.STRATEGIST),
			Map.entry("POST /accounts/{id}/invitation", Access.STRATEGIST),
			Map.entry("POST /accounts/invitations", Access.STRATEGIST),
			Map.entry("GET /accounts/{id}/history", Access.STRATEGIST),
			Map.entry("GET /library", Access.STAFF),
			Map.entry("GET /library/search", Access.STAFF),
			Map.entry("GET /library/{id}", Access.STAFF),
			Map.entry("POST /library/{id}/helpful", Access.STAFF),
			Map.entry("GET /library/manage", Access.STRATEGIST),
			Map.entry("GET /library/review", Access.STRATEGIST),
			Map.entry("GET /library/new", Access.STRATEGIST),
			Map.entry("POST /library", Access.STRATEGIST),
			Map.entry("GET /library/{id}/edit", Access.STRATEGIST),
			Map.entry("POST /library/{id}", Access.STRATEGIST),
			Map.entry("POST /library/{id}/publish", Access.STRATEGIST),
			Map.entry("POST /library/{id}/archive", Access.STRATEGIST),
			Map.entry("POST /library/{id}/restore", Access.STRATEGIST),
			Map.entry("GET /library/{id}/readers", Access.STRATEGIST),
			Map.entry("GET /library/{id}/history", Access.STRATEGIST),
			Map.entry("GET /experiments", Access.STAFF),
			Map.entry("GET /experiments/board", Access.STAFF),
			Map.entry("GET /experiments/learnings", Access.STAFF),
			Map.entry("GET /experiments/success", Access.STAFF),
			Map.entry("GET /experiments/{id}", Access.STAFF),
			Map.entry("GET /experiments/export.csv", Access.MANAGER),
			Map.entry("GET /experiments/new", Access.STRATEGIST),
			Map.entry("POST /experiments", Access.STRATEGIST),
			Map.entry("GET /experiments/{id}/edit", Access.STRATEGIST),
			Map.entry("POST /experiments/{id}", Access.STRATEGIST),
			Map.entry("POST /experiments/{id}/plan", Access.STRATEGIST),
			Map.entry("POST /experiments/{id}/start", Access.STRATEGIST),
			Map.entry("POST /experiments/{id}/complete", Access.STRATEGIST),
			Map.entry("POST /experiments/{id}/abandon", Access.STRATEGIST),
			Map.entry("POST /experiments/{id}/measurements", Access.STRATEGIST),
			Map.entry("POST /experiments/{id}/measurements/{measurementId}", Access.STRATEGIST),
			Map.entry("POST /experiments/{id}/measurements/{measurementId}/delete", Access.STRATEGIST),
			Map.entry("POST /experiments/{id}/case-studies", Access.STRATEGIST),
			Map.entry("POST /experiments/{id}/case-studies/{caseStudy}/delete", Access.STRATEGIST),
			Map.entry("POST /experiments/{id}/case-study", Access.STRATEGIST),
			Map.entry("GET /experiments/{id}/history", Access.STRATEGIST),
			Map.entry("GET /champions", Access.STAFF),
			Map.entry("GET /champions/coverage", Access.STAFF),
			Map.entry("GET /champions/{id}", Access.STAFF),
			Map.entry("GET /champions/volunteer", Access.STAFF),
			Map.entry("POST /champions/volunteer", Access.STAFF),
			Map.entry("POST /champions/volunteer/withdraw", Access.STAFF),
			// The champion themself may too (ChampionDirectoryTests); here the champion is someone else.
			Map.entry("POST /champions/{id}/activities", Access.STRATEGIST),
			Map.entry("POST /champions/{id}/activities/{activityId}/delete", Access.STRATEGIST),
			Map.entry("GET /champions/new", Access.STRATEGIST),
			Map.entry("POST /champions", Access.STRATEGIST),
			Map.entry("GET /champions/{id}/edit", Access.STRATEGIST),
			Map.entry("POST /champions/{id}", Access.STRATEGIST),
			Map.entry("GET /champions/{id}/history", Access.STRATEGIST),
			Map.entry("GET /champions/requests", Access.STRATEGIST),
			Map.entry("POST /champions/requests/{id}/accept", Access.STRATEGIST),
			Map.entry("POST /champions/requests/{id}/decline", Access.STRATEGIST),
			Map.entry("GET /champions/invitations/new", Access.STRATEGIST),
			Map.entry("POST /champions/invitations", Access.STRATEGIST),
			Map.entry("POST /champions/invitations/{id}/withdraw", Access.STRATEGIST),
			Map.entry("GET /champions/invitations/mine", Access.STAFF),
			// Staff answer their own invitations: the example invitation is the strategist's own.
			Map.entry("POST /champions/invitations/{id}/accept", Access.STRATEGIST),
			Map.entry("POST /champions/invitations/{id}/decline", Access.STRATEGIST),
			Map.entry("GET /adoption", Access.STAFF),
			Map.entry("GET /adoption/departments/{id}", Access.STAFF),
			Map.entry("GET /adoption/dashboard", Access.MANAGER),
			Map.entry("GET /adoption/dashboard/export.csv", Access.MANAGER),
			Map.entry("GET /adoption/report", Access.MANAGER),
			Map.entry("GET /adoption/events/new", Access.STRATEGIST),
			Map.entry("GET /adoption/events/objections", Access.STRATEGIST),
			Map.entry("POST /adoption/events", Access.STRATEGIST),
			Map.entry("GET /playbook", Access.MANAGER),
			Map.entry("GET /playbook/export.csv", Access.MANAGER),
			Map.entry("GET /playbook/departments/{id}", Access.MANAGER),
			Map.entry("GET /playbook/departments/{id}/accept/{rule}", Access.STRATEGIST),
			Map.entry("GET /playbook/departments/{id}/check-in", Access.STRATEGIST),
			Map.entry("POST /playbook/departments/{id}/dismissals", Access.STRATEGIST),
			Map.entry("POST /playbook/departments/{id}/dismissals/{rule}/delete", Access.STRATEGIST));

	/** Pages that open another page (a form, prefilled) for those let in, rather than showing one. */
	static final Set<String> REDIRECTS = Set.of("GET /playbook/departments/{id}/accept/{rule}",
			"GET /playbook/departments/{id}/check-in", "GET /account/department");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TestData data;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	ExperimentsData experiments;

	@Autowired
	ChampionsData championsData;

	@Autowired
	Directory directory;

	@Autowired
	Volunteering volunteering;

	@Autowired
	ChampionInvitations invitations;

	@LocalServerPort
	int port;

	/** One thread for each visitor. */
	final ExecutorService requests = Executors.newFixedThreadPool(1 + Role.values().length);

	Set<String> routes;

	Map<Role, Visitor> signedIn;

	/** Real ids to put in the routes' path variables, by the routes' beginning and the variables' names. */
	Map<String, List<Map<String, Long>>> examples;

	@BeforeAll
	void discoverRoutesAndSignIn() {
		routes = new TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			Set<RequestMethod> used = methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods;
			for (String pattern : info.getPatternValues()) {
				used.forEach(method -> routes.add(method + " " + pattern));
			}
		});
		signedIn = new EnumMap<>(Role.class);
		String strategistEmail = null;
		for (Role role : Role.values()) {
			Visitor visitor = new Visitor(port);
			String email = data.account(role);
			strategistEmail = role == Role.STRATEGIST ? email : strategistEmail;
			assertThat(visitor.signIn(email, TestData.PASSWORD).location()).endsWith("/");
			signedIn.put(role, visitor);
		}
		long department = data.department();
		long person = data.person(department);
		long account = ((WaterholeUser) data.user(Role.STAFF)).getAccountId();
		long caseStudy = caseStudies.published(TestData.unique("Route check"));
		long experiment = experiments.running(TestData.unique("Route check"), TestClock.today().minusDays(3));
		MeasurementForm measurement = new MeasurementForm();
		measurement.setMeasuredOn(TestClock.today());
		measurement.setValue(BigDecimal.ONE);
		experiments.service().addMeasurement(experiment, measurement);
		long measurementId = experiments.service().view(experiment).measurements().get(0).id();
		long champion = championsData.champion(data.person(department));
		championsData.activity(champion, TestClock.today(), person);
		long activity = directory.activities(champion, PageRequest.of(0, 1)).getContent().get(0).id();
		VolunteerForm offer = new VolunteerForm();
		offer.setPitch("Route check");
		long request = volunteering.volunteer(data.person(department), offer);
		InvitationForm invitation = new InvitationForm();
		invitation.setPersonEmail(strategistEmail);
		long invited = invitations.invite(invitation, person).id();
		examples = Map.of("/departments/", List.of(Map.of("id", department)), "/people/", List.of(Map.of("id", person)),
				"/accounts/", List.of(Map.of("id", account)), "/library/", List.of(Map.of("id", caseStudy)),
				"/experiments/",
				List.of(Map.of("id", experiment, "measurementId", measurementId, "caseStudy", caseStudy)),
				"/champions/", List.of(Map.of("id", champion, "activityId", activity)), "/champions/requests/",
				List.of(Map.of("id", request)), "/champions/invitations/", List.of(Map.of("id", invited)),
				"/adoption/departments/", List.of(Map.of("id", department)), "/playbook/departments/",
				List.of(Map.of("id", department)));
	}

	@AfterAll
	void stopRequests() {
		requests.shutdown();
	}

	@Test
	void every_route_has_a_declared_rule() {
		assertThat(RULES.keySet()).as("routes with a rule").containsAll(routes);
		assertThat(routes).as("rules whose route no longer exists").containsAll(RULES.keySet());
	}

	@TestFactory
	List<DynamicTest> every_route_lets_in_exactly_who_it_should() {
		List<DynamicTest> tests = new ArrayList<>();
		for (String route : checkedRoutes()) {
			Access access = RULES.get(route);
			String method = route.substring(0, route.indexOf(' '));
			String path = pathOf(route);
			boolean redirects = REDIRECTS.contains(route);
			tests.add(DynamicTest.dynamicTest(route + " (" + access + ")",
					() -> check(method, path, access, redirects)));
		}
		return tests;
	}

	@TestFactory
	List<DynamicTest> head_gets_the_rule_of_get_and_options_runs_no_handler() {
		Map<String, String> patterns = new TreeMap<>();
		for (String route : checkedRoutes()) {
			patterns.put(pathOf(route), route.substring(route.indexOf(' ') + 1));
		}
		List<DynamicTest> tests = new ArrayList<>();
		patterns.forEach((path, pattern) -> tests.add(DynamicTest.dynamicTest("HEAD and OPTIONS " + path,
				() -> checkHeadAndOptions(path, RULES.get("GET " + pattern)))));
		return tests;
	}

	/**
	 * For each visitor: HEAD answers as GET does, refused where the GET route's rule refuses it
	 * ({@code reading}, none where the path has only a POST route); OPTIONS is refused as GET is,
	 * or else answered by Spring MVC itself (the allowed methods, no page).
	 */
	private void checkHeadAndOptions(String path, Access reading) {
		visitors().forEach((who, visitor) -> {
			Page get = visitor.get(path);
			Page head = visitor.request("HEAD", path, Map.of());
			assertThat(head.status()).as(who + " HEAD " + path + " as GET").isEqualTo(get.status());
			assertThat(head.location()).as(who + " HEAD " + path + " as GET").isEqualTo(get.location());
			if (reading != null) {
				boolean allowed = reading == Access.PUBLIC
						|| !who.equals("anonymous") && reading.allows(Role.valueOf(who));
				assertThat(refused(head)).as(who + " HEAD " + path + " refused").isEqualTo(!allowed);
			}
			Page options = visitor.request("OPTIONS", path, Map.of());
			if (refused(get)) {
				assertThat(options.status()).as(who + " OPTIONS " + path).isEqualTo(get.status());
				assertThat(options.location()).as(who + " OPTIONS " + path).isEqualTo(get.location());
			}
			else {
				assertThat(options.status()).as(who + " OPTIONS " + path).isEqualTo(200);
				assertThat(options.headers().firstValue("Allow")).as(who + " OPTIONS " + path).isPresent();
				assertThat(options.body()).as(who + " OPTIONS " + path).isEmpty();
			}
		});
	}

	/**
	 * Other spellings of each route's path, for anonymous and every role, with GET, HEAD, OPTIONS
	 * and the route's own methods: each is refused outright, or gets exactly the answer of the
	 * path as the application spells it, or (where it names no route) is turned away or not found.
	 * Never does a spelling let in whom the path itself refuses.
	 */
	@TestFactory
	List<DynamicTest> every_spelling_of_a_path_gets_the_rule_of_the_path_or_is_refused() {
		Map<String, Set<String>> methods = new TreeMap<>();
		for (String route : checkedRoutes()) {
			methods.computeIfAbsent(pathOf(route), p -> new TreeSet<>(List.of("GET", "HEAD", "OPTIONS")))
				.add(route.substring(0, route.indexOf(' ')));
		}
		List<DynamicTest> tests = new ArrayList<>();
		methods.forEach((path, used) -> tests.add(DynamicTest.dynamicTest("other spellings of " + path,
				() -> checkSpellings(path, used))));
		return tests;
	}

	/** The visitors, one request after another each, side by side. */
	private void checkSpellings(String path, Set<String> methods) {
		List<CompletableFuture<List<String>>> checks = visitors().entrySet()
			.stream()
			.map(visitor -> CompletableFuture.supplyAsync(
					() -> spellingMismatches(visitor.getKey(), visitor.getValue(), path, methods), requests))
			.toList();
		List<String> mismatches = checks.stream().flatMap(check -> check.join().stream()).toList();
		assertThat(mismatches).as("answers to other spellings of " + path).isEmpty();
	}

	/**
	 * What is wrong in the answers to one visitor: each method to the path, then to each of its
	 * spellings; the reading methods first, so that a POST that changes the record comes after them.
	 */
	private List<String> spellingMismatches(String who, Visitor visitor, String path, Set<String> methods) {
		String token = visitor.csrfToken();
		List<String> mismatches = new ArrayList<>();
		for (String method : methods.stream().sorted(Comparator.comparing("POST"::equals)).toList()) {
			Page canonical = send(visitor, method, path, token);
			for (Spelling spelling : Spelling.values()) {
				spelling.spell(path).ifPresent(spelled -> {
					Page answer = send(visitor, method, spelled, token);
					if (!spelling.accepts(answer, canonical, method.equals("POST"))) {
						mismatches.add("%s %s %s (%s): %d %s, where %s answers %d %s".formatted(who, method, spelled,
								spelling, answer.status(), answer.location(), path, canonical.status(),
								canonical.location()));
					}
				});
			}
		}
		return mismatches;
	}

	private static Page send(Visitor visitor, String method, String path, String csrfToken) {
		if (method.equals("POST")) {
			return visitor.post(path, Map.of("_csrf", csrfToken), false);
		}
		return visitor.request(method, path, Map.of());
	}

	/**
	 * The routes with a rule (the others are reported by every_route_has_a_declared_rule) but the
	 * error pages, which only render other requests' failures.
	 */
	private List<String> checkedRoutes() {
		return routes.stream()
			.filter(RULES::containsKey)
			.filter(route -> !route.endsWith(" /error") && !route.endsWith(" /expired"))
			.toList();
	}

	/** A new anonymous visitor and the signed-in one of each role, by who they are. */
	private Map<String, Visitor> visitors() {
		Map<String, Visitor> visitors = new LinkedHashMap<>();
		visitors.put("anonymous", new Visitor(port));
		signedIn.forEach((role, visitor) -> visitors.put(role.name(), visitor));
		return visitors;
	}

	/** Whether the answer turns the visitor away: to the login page, or "not for your role". */
	private static boolean refused(Page page) {
		return page.status() == 403 || page.status() == 302 && page.location().endsWith("/login");
	}

	private void check(String method, String path, Access access, boolean redirects) {
		Visitor anonymous = new Visitor(port);
		if (method.equals("GET")) {
			Page page = anonymous.get(path);
			assertSecurityHeaders(page, "anonymous GET " + path);
			if (access == Access.PUBLIC) {
				assertThat(page.status()).as("anonymous GET " + path).isEqualTo(200);
			}
			else {
				assertThat(page.status()).as("anonymous GET " + path).isEqualTo(302);
				assertThat(page.location()).as("anonymous GET " + path).endsWith("/login");
			}
			for (Role role : Role.values()) {
				Page answer = signedIn.get(role).get(path);
				assertSecurityHeaders(answer, role + " GET " + path);
				if (access == Access.PUBLIC) {
					assertThat(answer.status()).as(role + " GET " + path).isIn(200, 302);
				}
				else if (access.allows(role) && redirects) {
					assertThat(answer.status()).as(role + " GET " + path).isEqualTo(302);
					assertThat(answer.location()).as(role + " GET " + path).doesNotContain("/login");
				}
				else if (access.allows(role)) {
					assertThat(answer.status()).as(role + " GET " + path).isEqualTo(200);
				}
				else {
					assertForbiddenPage(answer, role + " GET " + path);
				}
			}
			return;
		}
		assertThat(anonymous.post(path, Map.of(), false).status()).as("anonymous POST without CSRF " + path)
			.isEqualTo(403);
		Page anonymousPost = anonymous.post(path, Map.of(), true);
		if (access != Access.PUBLIC) {
			assertThat(anonymousPost.status()).as("anonymous POST " + path).isEqualTo(302);
			assertThat(anonymousPost.location()).as("anonymous POST " + path).endsWith("/login");
		}
		for (Role role : Role.values()) {
			Visitor visitor = signedIn.get(role);
			assertThat(visitor.post(path, Map.of(), false).status()).as(role + " POST without CSRF " + path)
				.isEqualTo(403);
			Page answer = visitor.post(path, Map.of(), true);
			if (access.allows(role)) {
				// Let in: the page itself (a form with its messages), a redirect onwards (not to the login page),
				// or "bad request" for a post that lacks what the route needs.
				assertThat(answer.status()).as(role + " POST " + path).isIn(200, 302, 303, 400);
				if (answer.status() == 302 || answer.status() == 303) {
					assertThat(answer.location()).as(role + " POST " + path).doesNotContain("/login");
				}
			}
			else {
				assertForbiddenPage(answer, role + " POST " + path);
			}
		}
	}

	/**
	 * What every answer tells the browser, read by directives (HSTS only over HTTPS:
	 * SecurityHeadersTests).
	 */
	private static void assertSecurityHeaders(Page page, String what) {
		SecurityPolicies.assertPromised(page.headers()::allValues, what);
		assertThat(page.headers().firstValue("Strict-Transport-Security")).as(what + " over plain HTTP").isEmpty();
	}

	private static void assertForbiddenPage(Page page, String what) {
		assertThat(page.status()).as(what).isEqualTo(403);
		assertThat(page.heading()).as(what).isEqualTo("Not for your role");
	}

	/**
	 * The path of a route ("METHOD pattern") with real ids; a department without a champion,
	 * so that "recruit a champion" applies to it.
	 */
	private String pathOf(String route) {
		String pattern = route.substring(route.indexOf(' ') + 1).replace("{rule}", "RECRUIT_CHAMPION");
		return Routes.concrete(pattern, examples).get(0);
	}

	@Test
	void only_the_health_check_is_public_among_actuator_endpoints() {
		Visitor anonymous = new Visitor(port);
		Page health = anonymous.get("/actuator/health", "application/json");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).contains("UP").doesNotContain("components");
		for (String endpoint : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/info",
				"/actuator/metrics", "/actuator/heapdump")) {
			assertThat(anonymous.get(endpoint, "application/json").status()).as(endpoint).isIn(302, 403, 404);
			assertThat(signedIn.get(Role.STRATEGIST).get(endpoint, "application/json").status()).as(endpoint)
				.isIn(403, 404);
		}
	}

}
