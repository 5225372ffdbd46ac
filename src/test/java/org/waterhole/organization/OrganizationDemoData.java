package org.waterhole.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo organisation, a university: departments, their people, and one account per role
 * ({@value #STRATEGIST_EMAIL}, {@value #MANAGER_EMAIL}, {@value #STAFF_EMAIL}, all with the
 * password {@value #PASSWORD}). Loaded once, into an empty database, when
 * {@code waterhole.demo.enabled} is on, as it is for the local run. It lives with the tests, so
 * the production jar can't load it (nor know its password).
 */
@Component
@ConditionalOnBooleanProperty("waterhole.demo.enabled")
@Order(OrganizationDemoData.ORDER)
public class OrganizationDemoData implements ApplicationRunner {

	/** Before every other module's demo data, which refers to these departments and people. */
	public static final int ORDER = 10;

	public static final String PASSWORD = "waterhole-demo";

	public static final String STRATEGIST_EMAIL = "strategist@demo.waterhole";

	public static final String MANAGER_EMAIL = "manager@demo.waterhole";

	public static final String STAFF_EMAIL = "staff@demo.waterhole";

	/** A librarian who chose that their name is never connected to what they read. */
	public static final String UNNAMED_READER_EMAIL = "samir.nakamura50@university.example";

	private static final Logger log = LoggerFactory.getLogger(OrganizationDemoData.class);

	/** Name, headcount, people on record, description, code in the directory. */
	private static final Object[][] DEPARTMENTS = {
			{ "Marketing & Communications", 24, 14, "Brand, press office, web and the social media programme.", "MCOM" },
			{ "Admissions", 31, 16, "Recruits and admits students, from first enquiry to enrolment.", "ADM" },
			{ "Alumni Relations", 12, 8, "Keeps graduates connected, and raises funds with them.", "ALUM" },
			{ "Athletics", 40, 12, "Varsity teams, sports facilities and recreation.", "ATH" },
			{ "Library", 58, 15, "Collections, study spaces, research support and special collections.", "LIB" },
			{ "Research Office", 22, 10, "Research funding, contracts, impact and open access.", "RES" },
			{ "Human Resources", 27, 9, "Recruitment, pay, development and wellbeing of staff.", "HR" },
			{ "IT Services", 64, 14, "Networks, devices, systems and the service desk.", "ITS" },
			{ "Student Services", 45, 13, "Advice, wellbeing, disability support and accommodation.", "STU" },
			{ "Careers Service", 15, 8, "Careers advice, employer relations and internships.", "CAR" },
			{ "International Office", 18, 8, "International recruitment, partnerships and mobility.", "INT" },
			{ "Faculty of Arts & Humanities", 210, 12, "History, languages, literature, philosophy and the arts.", "FAH" },
			{ "Faculty of Science", 340, 12, "Physics, chemistry, biology, mathematics and computing.", "SCI" },
			{ "Faculty of Medicine", 420, 10, "Medical school, nursing and public health.", "MED" },
			{ "Finance", 33, 7, "Budgets, payments, procurement and financial reporting.", "FIN" },
			{ "Estates & Facilities", 120, 6, "Buildings, grounds, security and sustainability.", "EST" } };

	/** Departments with their own days between check-ins: the others follow the playbook's by stage. */
	private static final Map<String, Integer> OWN_CHECK_IN_DAYS = Map.of("Student Services", 120);

	private static final String[] FIRST_NAMES = { "Amara", "Ben", "Carmen", "Dmitri", "Elif", "Femi", "Grace",
			"Hiroshi", "Ines", "Jonas", "Keira", "Luca", "Maya", "Nikhil", "Olga", "Pedro", "Quinn", "Rosa", "Samir",
			"Tess", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe", "Aidan", "Bea", "Chidi", "Dana", "Emil", "Farah" };

	private static final String[] LAST_NAMES = { "Adeyemi", "Bauer", "Castillo", "Dubois", "Eriksen", "Fernandes",
			"Gallagher", "Haddad", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "O'Brien",
			"Petrov", "Quispe", "Rahman", "Schmidt", "Tanaka", "Usman", "Varga", "Whitaker", "Yilmaz", "Zhou", "Mensah" };

	private static final String[] JOB_TITLES = { "Officer", "Coordinator", "Manager", "Assistant", "Adviser",
			"Administrator", "Specialist", "Lecturer", "Team Lead", "Analyst" };

	private final DepartmentRepository departments;

	private final PersonRepository people;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final JdbcClient jdbc;

	OrganizationDemoData(DepartmentRepository departments, PersonRepository people, AccountRepository accounts,
			PasswordEncoder passwordEncoder, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.departments = departments;
		this.people = people;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (departments.count() > 0 || accounts.count() > 0) {
			return; // only ever into an empty database
		}
		List<Person> everyone = new ArrayList<>();
		int n = 0;
		for (Object[] row : DEPARTMENTS) {
			Department department = departments.save(new Department((String) row[0], (String) row[4], (String) row[3], (Integer) row[1],
					OWN_CHECK_IN_DAYS.get((String) row[0])));
			for (int i = 0; i < (Integer) row[2]; i++, n++) {
				String first = FIRST_NAMES[n % FIRST_NAMES.length];
				String last = LAST_NAMES[(n * 7 + n / FIRST_NAMES.length) % LAST_NAMES.length];
				String email = (first + "." + last).toLowerCase(Locale.ROOT).replace("'", "") + n + "@university.example";
				String title = JOB_TITLES[(n * 3) % JOB_TITLES.length];
				everyone.add(new Person(first + " " + last, email, title, department));
			}
		}
		everyone.stream()
			.filter(person -> person.getEmail().equals(UNNAMED_READER_EMAIL))
			.forEach(person -> person.chooseReadingsUnnamed(true));
		people.saveAll(everyone);
		String hash = passwordEncoder.encode(PASSWORD);
		account("Sam Rivera", STRATEGIST_EMAIL, "Social Media Strategist", "Marketing & Communications",
				Role.STRATEGIST, hash);
		account("Dana Okafor", MANAGER_EMAIL, "Director of Admissions", "Admissions", Role.MANAGER, hash);
		account("Lee Chen", STAFF_EMAIL, "Liaison Librarian", "Library", Role.STAFF, hash);
		// The organisation has been on record for years: its adoption history goes back two.
		departments.flush();
		jdbc.sql("update department set created_at = created_at - interval '3 years'").update();
		log.info("Loaded the demo organisation: {} departments, {} people; sign in as {}, {} or {} with password {}",
				DEPARTMENTS.length, everyone.size() + 3, STRATEGIST_EMAIL, MANAGER_EMAIL, STAFF_EMAIL, PASSWORD);
	}

	private void account(String name, String email, String title, String department, Role role, String hash) {
		Department home = departments.findByNameIgnoringCase(department).orElseThrow();
		Person person = people.save(new Person(name, email, title, home));
		accounts.save(new Account(person, hash, role));
	}

}
