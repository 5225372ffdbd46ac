package org.waterhole.organization;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.waterhole.support.Overlap;
import org.waterhole.support.TestData;
import org.waterhole.support.Visitor;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The page where someone whose institution's sign-in gave no department chooses theirs
 * ({@code /account/department}).
 */
@WaterholeTest
class OwnDepartmentPageTests {

	private static final String PAGE = "/account/department";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private ExternalSignIn signIns;

	@Autowired
	private PersonService people;

	@Autowired
	private FindByIndexNameSessionRepository<? extends Session> sessions;

	@Autowired
	private Overlap overlap;

	@Autowired
	private EntityManager entityManager;

	@Test
	void someone_signed_in_externally_without_a_department_sees_the_form_with_a_labelled_select() throws Exception {
		String departmentName = TestData.unique("Choosable");
		long department = data.department(departmentName);
		String html = mvc.perform(get(PAGE).with(user(external(null))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		Element select = page.selectFirst("form[action$=/account/department][method=post] select[name=departmentId]");
		assertThat(select).isNotNull();
		assertThat(select.id()).isEqualTo("departmentId");
		assertThat(select.hasAttr("required")).isTrue();
		assertThat(page.select("label[for=departmentId]")).singleElement()
			.satisfies(label -> assertThat(label.text()).contains("Department"));
		assertThat(select.select("option[value=" + department + "]").text()).isEqualTo(departmentName);
		assertThat(select.selectFirst("option").val()).as("no department chosen yet").isEmpty();
		assertThat(page.select("h1").text()).isEqualTo("Which department do you work in?");
		assertThat(page.select("input[name=_csrf]")).isNotEmpty();
	}

	@Test
	void choosing_a_department_places_the_person_and_carries_it_in_the_session() throws Exception {
		WaterholeUser user = external(null);
		long department = data.department();
		MvcResult result = mvc.perform(post(PAGE).param("departmentId", String.valueOf(department))
			.with(user(user))
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attributeExists("flash"))
			.andReturn();
		assertThat(departmentOf(user)).isEqualTo(department);
		assertThat(sessionUser(result).getDepartmentId()).isEqualTo(department);
		assertThat(sessionUser(result).isChoosingDepartment()).isFalse();
	}

	@Test
	void an_unknown_department_is_a_field_error_not_a_server_error() throws Exception {
		WaterholeUser user = external(null);
		MvcResult result = mvc.perform(post(PAGE).param("departmentId", "987654321012")
			.with(user(user))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "departmentId", "departmentChoice.unknown"))
			.andReturn();
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.select("#departmentId-error").text())
			.isEqualTo("That department no longer exists. Choose another one.");
		assertThat(page.select("select#departmentId").attr("aria-describedby")).isEqualTo("departmentId-error");
		assertThat(departmentOf(user)).isNull();
	}

	@Test
	void choosing_nothing_asks_for_a_department() throws Exception {
		WaterholeUser user = external(null);
		mvc.perform(post(PAGE).with(user(user)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "departmentId", "NotNull"));
		mvc.perform(post(PAGE).param("departmentId", "").with(user(user)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "departmentId", "NotNull"));
		assertThat(departmentOf(user)).isNull();
	}

	/** The form is shown only to someone signed in through a provider, so the hostile-input matrix can't reach it: its values here. */
	@Test
	void hostile_values_are_field_errors_and_change_nothing() throws Exception {
		WaterholeUser user = external(null);
		for (String hostile : List.of("<script>alert(1)</script>", "1; drop table person", "-1", "0", "1e3",
				"99999999999999999999", "\u0000")) {
			mvc.perform(post(PAGE).param("departmentId", hostile).with(user(user)).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(model().attributeHasFieldErrors("form", "departmentId"))
				.andExpect(content().string(not(containsString("<script>alert(1)"))));
		}
		assertThat(departmentOf(user)).isNull();
	}

	@Test
	void someone_with_a_department_is_sent_home() throws Exception {
		WaterholeUser placed = external(data.department());
		mvc.perform(get(PAGE).with(user(placed))).andExpect(redirectedUrl("/"));
		mvc.perform(post(PAGE).param("departmentId", String.valueOf(data.department()))
			.with(user(placed))
			.with(csrf())).andExpect(redirectedUrl("/"));
	}

	@Test
	void someone_signed_in_with_a_password_is_sent_home_even_without_a_department() throws Exception {
		long person = data.person(null);
		SignInAccount account = new SignInAccount(1, person, null, "Password User", "password.user@test.waterhole",
				"{noop}x", Role.STAFF, true);
		mvc.perform(get(PAGE).with(user(WaterholeUser.withPassword(account)))).andExpect(redirectedUrl("/"));
	}

	@Test
	void a_person_already_in_a_department_is_not_moved() throws Exception {
		WaterholeUser user = external(null);
		long chosenMeanwhile = data.department();
		assertThat(people.placeInDepartment(user.getPersonId(), chosenMeanwhile)).isTrue();
		long other = data.department();
		assertThat(people.placeInDepartment(user.getPersonId(), other)).isFalse();
		assertThat(departmentOf(user)).isEqualTo(chosenMeanwhile);

		// The session still says no department (chosen in another tab): posting moves nobody, and
		// the session then carries the department the person is in.
		MvcResult result = mvc.perform(post(PAGE).param("departmentId", String.valueOf(other))
			.with(user(user))
			.with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andExpect(flash().attributeCount(0))
			.andReturn();
		assertThat(departmentOf(user)).isEqualTo(chosenMeanwhile);
		assertThat(sessionUser(result).getDepartmentId()).isEqualTo(chosenMeanwhile);
	}

	@Test
	void a_department_chosen_while_the_strategist_places_the_person_leaves_the_strategists_choice() throws Exception {
		WaterholeUser user = external(null);
		long placed = data.department();
		long chosen = data.department();
		PersonForm form = people.form(user.getPersonId());
		form.setDepartmentId(placed);

		// The strategist's save is held uncommitted until the person's choice is seen waiting for it.
		Overlap.Outcome<MvcResult> outcome = overlap.run(() -> {
			people.update(user.getPersonId(), form);
			entityManager.flush();
		}, () -> mvc.perform(post(PAGE).param("departmentId", String.valueOf(chosen)).with(user(user)).with(csrf()))
			.andReturn());

		assertThat(outcome.thrown()).isNull();
		assertThat(outcome.waited()).as("the choice waited for the strategist's save").isTrue();
		assertThat(outcome.value().getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(departmentOf(user)).isEqualTo(placed);
		assertThat(sessionUser(outcome.value()).getDepartmentId()).isEqualTo(placed);
	}

	@Test
	void anonymous_visitors_are_sent_to_sign_in() throws Exception {
		mvc.perform(get(PAGE)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	/** Someone new, signed in with the institution's identity, placed in {@code department} or none. */
	private WaterholeUser external(Long department) {
		String name = TestData.unique("External");
		if (department != null) {
			data.person(name, department);
		}
		SignInAccount account = signIns.signIn(new ExternalIdentity(TestData.email(name), name, null, null, null));
		assertThat(account.departmentId()).isEqualTo(department);
		return WaterholeUser.external(account);
	}

	private Long departmentOf(WaterholeUser user) {
		return people.summary(user.getPersonId()).orElseThrow().departmentId();
	}

	/** The user that the session the request started carries from now on (sessions are kept in the database). */
	private WaterholeUser sessionUser(MvcResult result) {
		Cookie cookie = result.getResponse().getCookie(Visitor.SESSION_COOKIE);
		assertThat(cookie).as("the session's cookie").isNotNull();
		String id = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
		Session session = sessions.findById(id);
		assertThat(session).as("the session").isNotNull();
		SecurityContext context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		assertThat(context).as("the security context in the session").isNotNull();
		return (WaterholeUser) context.getAuthentication().getPrincipal();
	}

}
