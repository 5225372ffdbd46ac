package org.waterhole.organization;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.shared.security.SignedInSessions;
import org.waterhole.shared.security.SignInProblem;
import org.waterhole.shared.security.SignInProblemException;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signing in with the institution's identity, below the browser: how the person, their
 * department and their account's role follow what the provider says. Each test runs in a
 * transaction that is rolled back.
 */
@WaterholeTest
@Transactional
@RecordApplicationEvents
class ExternalSignInTests {

	private static final String STRATEGISTS = "Waterhole-Strategists";

	private static final String MANAGERS = "Waterhole-Managers";

	@Autowired
	private ExternalSignIn signIns;

	@Autowired
	private TestData data;

	@Autowired
	private DepartmentService departmentService;

	@Autowired
	private PersonRepository people;

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private DepartmentRepository departments;

	@Autowired
	private SignedInSessions sessions;

	@Autowired
	private ApplicationEventPublisher publisher;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private EntityManager entities;

	@Autowired
	private ApplicationEvents events;

	// Departments

	@Test
	void the_department_is_found_by_its_code_in_either_case() {
		String code = code();
		long department = department(TestData.unique("Coded"), code);
		SignInAccount account = signIns.signIn(identity(newEmail(), code.toLowerCase()));
		assertThat(account.departmentId()).isEqualTo(department);
		assertThat(departmentOfPerson(account.personId())).isEqualTo(department);
	}

	@Test
	void the_department_is_found_by_its_name_in_either_case() {
		String name = TestData.unique("Named Department");
		long department = data.department(name);
		SignInAccount account = signIns.signIn(identity(newEmail(), "  " + name.toUpperCase() + " "));
		assertThat(account.departmentId()).isEqualTo(department);
	}

	@Test
	void a_code_wins_over_another_department_s_name() {
		String value = code();
		long named = data.department(value);
		long coded = department(TestData.unique("Has the code"), value.toUpperCase());
		assertThat(named).isNotEqualTo(coded);
		SignInAccount account = signIns.signIn(identity(newEmail(), value.toLowerCase()));
		assertThat(account.departmentId()).isEqualTo(coded);
	}

	@Test
	void an_unknown_department_leaves_the_person_where_they_were() {
		long department = data.department();
		String name = TestData.unique("Placed");
		long person = data.person(name, department);
		SignInAccount account = signIns.signIn(identity(TestData.email(name), "No such department anywhere"));
		assertThat(account.personId()).isEqualTo(person);
		assertThat(account.departmentId()).isEqualTo(department);
		assertThat(departmentOfPerson(person)).isEqualTo(department);
	}

	@Test
	void someone_new_without_a_known_department_has_none() {
		SignInAccount account = signIns.signIn(identity(newEmail(), "No such department anywhere"));
		assertThat(account.departmentId()).isNull();
		assertThat(departmentOfPerson(account.personId())).isNull();
	}

	// The person

	@Test
	void a_person_on_record_gets_an_account_and_no_twin() {
		String name = TestData.unique("On Record");
		long person = data.person(name, data.department());
		String email = TestData.email(name);
		assertThat(accounts.findByPersonId(person)).isEmpty();

		SignInAccount account = signIns.signIn(new ExternalIdentity(email.toUpperCase(), null, null, null, Set.of()));

		assertThat(account.personId()).isEqualTo(person);
		assertThat(account.email()).isEqualTo(email);
		assertThat(account.role()).isEqualTo(Role.STAFF);
		assertThat(account.passwordHash()).isNull();
		assertThat(accounts.findByPersonId(person)).get().extracting(Account::getId).isEqualTo(account.accountId());
		assertThat(countPeople(email)).isEqualTo(1);
		assertThat(account.name()).as("a name the provider leaves out is kept").isEqualTo(name);
	}

	@Test
	void someone_new_gets_a_person_and_a_staff_account_with_no_password() {
		String email = newEmail();
		SignInAccount account = signIns.signIn(new ExternalIdentity(email, "New Colleague", "Archivist", null, null));
		Person person = people.findById(account.personId()).orElseThrow();
		assertThat(person.getName()).isEqualTo("New Colleague");
		assertThat(person.getJobTitle()).isEqualTo("Archivist");
		assertThat(person.getEmail()).isEqualTo(email);
		Account made = accounts.findByPersonId(person.getId()).orElseThrow();
		assertThat(made.getRole()).isEqualTo(Role.STAFF);
		assertThat(made.getHandRole()).isNull();
		assertThat(made.getPasswordHash()).isNull();
	}

	@Test
	void someone_new_without_a_name_is_named_after_their_email() {
		SignInAccount account = signIns.signIn(new ExternalIdentity("  Nameless.One@Test.Waterhole ", " ", null, null, null));
		assertThat(account.name()).isEqualTo("nameless.one");
		assertThat(account.email()).isEqualTo("nameless.one@test.waterhole");
	}

	@Test
	void name_and_job_title_follow_the_provider_when_it_gives_them() {
		String name = TestData.unique("Old Name");
		long person = data.person(name, null);
		signIns.signIn(new ExternalIdentity(TestData.email(name), "  New Name  ", "Head of Press", null, null));
		assertThat(nameAndTitle(person)).containsExactly("New Name", "Head of Press");
	}

	@Test
	void a_blank_name_or_job_title_keeps_what_is_on_record() {
		String name = TestData.unique("Kept Name");
		long person = data.person(name, null);
		signIns.signIn(new ExternalIdentity(TestData.email(name), null, "Curator", null, null));
		signIns.signIn(new ExternalIdentity(TestData.email(name), "   ", "", null, null));
		assertThat(nameAndTitle(person)).containsExactly(name, "Curator");
	}

	@Test
	void an_overlong_name_and_job_title_are_cut_not_refused() {
		String name = "N".repeat(150) + " " + "M".repeat(150);
		String title = "T".repeat(300);
		SignInAccount account = signIns.signIn(new ExternalIdentity(newEmail(), name, title, null, null));
		assertThat(nameAndTitle(account.personId())).containsExactly(name.substring(0, 200), "T".repeat(200));

		String known = TestData.unique("Known");
		long person = data.person(known, null);
		signIns.signIn(new ExternalIdentity(TestData.email(known), title, name, null, null));
		assertThat(nameAndTitle(person)).containsExactly("T".repeat(200), name.substring(0, 200));
	}

	@Test
	void a_name_is_not_cut_inside_a_character() {
		String name = "N".repeat(199) + "\uD83D\uDE00" + " and more";
		SignInAccount account = signIns.signIn(new ExternalIdentity(newEmail(), name, null, null, null));
		assertThat(nameAndTitle(account.personId()).get(0)).isEqualTo("N".repeat(199));
	}

	@Test
	void an_email_that_is_blank_has_no_at_or_is_too_long_is_refused_and_nothing_is_made() {
		long peopleBefore = count("person");
		long accountsBefore = count("account");
		String tooLong = "a".repeat(250) + "@x.org";
		assertThat(tooLong).hasSize(256);
		for (String email : new String[] { null, "", "   ", "no-at-sign.test.waterhole", "nobody@", "@nowhere.org",
				tooLong }) {
			assertThatExceptionOfType(UnusableEmailException.class).as("email %s", email)
				.isThrownBy(() -> signIns.signIn(new ExternalIdentity(email, "Someone", null, null, Set.of(STRATEGISTS))));
		}
		assertThat(count("person")).isEqualTo(peopleBefore);
		assertThat(count("account")).isEqualTo(accountsBefore);
	}

	@Test
	void an_email_of_254_characters_without_a_name_makes_a_name_that_fits() {
		String email = "b".repeat(240) + "@test.waterhole";
		assertThat(email).hasSize(255);
		SignInAccount account = signIns.signIn(identity(email.substring(1), null));
		assertThat(account.email()).hasSize(254);
		assertThat(account.name()).isEqualTo("b".repeat(200));
		assertThat(nameAndTitle(account.personId()).get(0)).isEqualTo("b".repeat(200));
	}

	// Roles

	@Test
	void groups_give_roles_in_either_case() {
		ExternalSignIn withGroups = signInWith(false);
		assertThat(withGroups.signIn(groups(newEmail(), STRATEGISTS.toLowerCase(), "Other")).role())
			.isEqualTo(Role.STRATEGIST);
		assertThat(withGroups.signIn(groups(newEmail(), MANAGERS.toUpperCase())).role()).isEqualTo(Role.MANAGER);
		assertThat(withGroups.signIn(groups(newEmail(), MANAGERS, STRATEGISTS)).role()).isEqualTo(Role.STRATEGIST);
		assertThat(withGroups.signIn(groups(newEmail(), "Everyone")).role()).isEqualTo(Role.STAFF);
		assertThat(withGroups.signIn(groups(newEmail())).role()).isEqualTo(Role.STAFF);
	}

	@Test
	void a_role_from_groups_alone_follows_them_down_again() {
		ExternalSignIn withGroups = signInWith(false);
		String email = newEmail();
		assertThat(withGroups.signIn(groups(email, MANAGERS)).role()).isEqualTo(Role.MANAGER);
		assertThat(withGroups.signIn(groups(email)).role()).isEqualTo(Role.STAFF);
		assertThat(roleOf(email)).isEqualTo(Role.STAFF);
	}

	@Test
	void without_configured_groups_everyone_new_is_staff() {
		assertThat(signIns.signIn(groups(newEmail(), STRATEGISTS, MANAGERS)).role()).isEqualTo(Role.STAFF);
	}

	@Test
	void a_role_given_by_hand_stays_when_the_groups_give_less() {
		String manager = data.account(Role.MANAGER);
		assertThat(signInWith(false).signIn(groups(manager)).role()).isEqualTo(Role.MANAGER);
		assertThat(signIns.signIn(groups(manager, "Everyone")).role()).isEqualTo(Role.MANAGER);
		assertThat(roleOf(manager)).isEqualTo(Role.MANAGER);
	}

	@Test
	void authoritative_groups_lower_a_role_given_by_hand() {
		String manager = data.account(Role.MANAGER);
		assertThat(signInWith(true).signIn(groups(manager)).role()).isEqualTo(Role.STAFF);
		assertThat(roleOf(manager)).isEqualTo(Role.STAFF);
	}

	@Test
	void groups_that_give_more_than_the_hand_given_role_raise_it() {
		String manager = data.account(Role.MANAGER);
		assertThat(signInWith(false).signIn(groups(manager, STRATEGISTS)).role()).isEqualTo(Role.STRATEGIST);
		assertThat(roleOf(manager)).isEqualTo(Role.STRATEGIST);
		assertThat(handRoleOf(manager)).as("the role given by hand").isEqualTo(Role.MANAGER);
		assertThat(signInWith(false).signIn(groups(manager)).role()).as("back to the hand-given role")
			.isEqualTo(Role.MANAGER);
	}

	@Test
	void the_last_enabled_strategist_keeps_the_role_their_groups_no_longer_give() {
		String last = data.account(Role.STRATEGIST);
		entities.flush();
		jdbc.sql("update account set hand_role = null where person_id = (select id from person where email = ?)")
			.param(last)
			.update();
		jdbc.sql("""
				update account set enabled = false
				where role = 'STRATEGIST' and person_id <> (select id from person where email = ?)""")
			.param(last)
			.update();
		entities.clear();
		assertThat(enabledStrategists()).isEqualTo(1);

		assertThat(signInWith(false).signIn(groups(last)).role()).isEqualTo(Role.STRATEGIST);
		assertThat(signInWith(true).signIn(groups(last, MANAGERS)).role()).isEqualTo(Role.STRATEGIST);
		assertThat(roleOf(last)).isEqualTo(Role.STRATEGIST);
	}

	@Test
	void a_strategist_whose_groups_no_longer_say_so_is_demoted_while_another_remains() {
		String leaving = data.account(Role.STRATEGIST);
		String staying = data.account(Role.STRATEGIST);
		entities.flush();
		jdbc.sql("update account set hand_role = null where person_id = (select id from person where email = ?)")
			.param(leaving)
			.update();
		jdbc.sql("""
				update account set enabled = false
				where role = 'STRATEGIST' and person_id not in (select id from person where email in (?, ?))""")
			.params(leaving, staying)
			.update();
		entities.clear();
		assertThat(enabledStrategists()).isEqualTo(2);

		assertThat(signInWith(false).signIn(groups(leaving)).role()).isEqualTo(Role.STAFF);
		assertThat(roleOf(leaving)).isEqualTo(Role.STAFF);
		assertThat(enabledStrategists()).isEqualTo(1);
	}

	@Test
	void a_disabled_account_is_refused_whatever_its_groups_and_keeps_its_role() {
		String manager = data.account(Role.MANAGER);
		entities.flush();
		jdbc.sql("update account set enabled = false where person_id = (select id from person where email = ?)")
			.param(manager)
			.update();
		entities.clear();
		assertThatThrownBy(() -> signInWith(true).signIn(groups(manager, STRATEGISTS)))
			.isInstanceOf(DisabledException.class);
		assertThatThrownBy(() -> signInWith(true).signIn(groups(manager))).isInstanceOf(DisabledException.class);
		entities.flush();
		entities.clear();
		assertThat(roleOf(manager)).isEqualTo(Role.MANAGER);
	}

	// Events

	@Test
	void a_change_of_name_or_department_is_published() {
		String name = TestData.unique("Moving");
		long person = data.person(name, data.department());
		String departmentName = TestData.unique("Destination");
		long destination = data.department(departmentName);
		events.clear();

		signIns.signIn(new ExternalIdentity(TestData.email(name), null, null, departmentName, null));
		assertThat(updates(person)).singleElement()
			.isEqualTo(new PersonUpdated(person, name, TestData.email(name), destination));

		events.clear();
		signIns.signIn(new ExternalIdentity(TestData.email(name), "Renamed Person", null, null, null));
		assertThat(updates(person)).singleElement()
			.isEqualTo(new PersonUpdated(person, "Renamed Person", TestData.email(name), destination));
	}

	@Test
	void nothing_is_published_when_nothing_a_session_carries_changed() {
		String name = TestData.unique("Steady");
		String departmentName = TestData.unique("Steady Department");
		long person = data.person(name, data.department(departmentName));
		events.clear();
		signIns.signIn(new ExternalIdentity(TestData.email(name), name, null, departmentName, null));
		signIns.signIn(new ExternalIdentity(TestData.email(name), null, null, null, null));
		assertThat(updates(person)).isEmpty();
	}

	@Test
	void someone_of_another_email_domain_than_the_institutions_is_refused_and_nothing_is_made() {
		ExternalSignIn ours = new ExternalSignIn(people, accounts, departments,
				new SignInProperties(true, new SignInProperties.Groups(List.of(), List.of(), false),
						List.of("university.example")), sessions, publisher);
		String outsider = TestData.unique("outsider").replace(' ', '.') + "@gmail.example";
		long peopleBefore = count("person");

		assertThatExceptionOfType(SignInProblemException.class)
			.isThrownBy(() -> ours.signIn(new ExternalIdentity(outsider, "Out Sider", null, null, null)))
			.satisfies(ex -> assertThat(ex.problem()).isEqualTo(SignInProblem.OUTSIDER));
		assertThat(count("person")).isEqualTo(peopleBefore);
		String insider = TestData.unique("insider").replace(' ', '.') + "@University.Example";
		assertThat(ours.signIn(new ExternalIdentity(insider, "In Sider", null, null, null)).email())
			.isEqualTo(insider.toLowerCase(Locale.ROOT));
	}

	@Test
	void a_provider_name_with_control_characters_is_stored_clean() {
		String email = TestData.unique("control").replace(' ', '.') + "@example.org";
		assertThat(signIns.signIn(new ExternalIdentity(email, "Ada\u0000 Love\u0007lace\r\n", null, null, null)).name())
			.isEqualTo("Ada Lovelace");
	}

	// Helpers

	/** An ExternalSignIn with groups for strategists and managers, authoritative or not. */
	private ExternalSignIn signInWith(boolean authoritative) {
		SignInProperties properties = new SignInProperties(true,
				new SignInProperties.Groups(List.of(STRATEGISTS), List.of(MANAGERS), authoritative), List.of());
		return new ExternalSignIn(people, accounts, departments, properties, sessions, publisher);
	}

	private long department(String name, String code) {
		DepartmentForm form = new DepartmentForm();
		form.setName(name);
		form.setCode(code);
		form.setHeadcount(5);
		return departmentService.create(form);
	}

	private static String code() {
		return TestData.unique("CC").replace(' ', '-');
	}

	private static String newEmail() {
		return TestData.email(TestData.unique("Signing In"));
	}

	private static ExternalIdentity identity(String email, String department) {
		return new ExternalIdentity(email, null, null, department, null);
	}

	private static ExternalIdentity groups(String email, String... groups) {
		return new ExternalIdentity(email, null, null, null, Set.of(groups));
	}

	private Long departmentOfPerson(long personId) {
		return jdbc.sql("select department_id from person where id = ?")
			.param(personId)
			.query((row, n) -> row.getObject(1, Long.class))
			.list()
			.get(0);
	}

	private List<String> nameAndTitle(long personId) {
		return jdbc.sql("select name, job_title from person where id = ?")
			.param(personId)
			.query((row, n) -> List.of(row.getString(1), String.valueOf(row.getString(2))))
			.single();
	}

	private long countPeople(String email) {
		return jdbc.sql("select count(*) from person where lower(email) = lower(?)")
			.param(email)
			.query(Long.class)
			.single();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private Role roleOf(String email) {
		return accountRole("role", email);
	}

	private Role handRoleOf(String email) {
		return accountRole("hand_role", email);
	}

	private Role accountRole(String column, String email) {
		return Role.valueOf(jdbc
			.sql("select a." + column + " from account a join person p on p.id = a.person_id where p.email = ?")
			.param(email)
			.query(String.class)
			.single());
	}

	private long enabledStrategists() {
		return jdbc.sql("select count(*) from account where role = 'STRATEGIST' and enabled")
			.query(Long.class)
			.single();
	}

	private List<PersonUpdated> updates(long personId) {
		return events.stream(PersonUpdated.class).filter(event -> event.personId() == personId).toList();
	}

}
