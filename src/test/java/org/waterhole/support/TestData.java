package org.waterhole.support;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.organization.AccountForm;
import org.waterhole.organization.AccountService;
import org.waterhole.organization.DepartmentForm;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.PersonForm;
import org.waterhole.organization.PersonService;
import org.waterhole.organization.Role;


/**
 * Makes the rows a test needs through the application's own services, each with a name no
 * other test uses, so that tests don't depend on each other's data or on the demo data.
 */
@TestComponent
public class TestData {

	public static final String PASSWORD = "correct horse battery";

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

	private final DepartmentService departments;

	private final PersonService people;

	private final AccountService accounts;

	private final UserDetailsService users;

	TestData(DepartmentService departments, PersonService people, AccountService accounts, UserDetailsService users) {
		this.departments = departments;
		this.people = people;
		this.accounts = accounts;
		this.users = users;
	}

	/** A word no other row of this JVM has, to make names and emails unique. */
	public static String unique(String prefix) {
		return prefix + " " + SEQUENCE.incrementAndGet();
	}

	public long department() {
		return department(unique("Department"));
	}

	public long department(String name) {
		return department(name, null);
	}

	/** A new department with its own days between check-ins ({@code null}: the usual interval). */
	public long department(String name, Integer checkInDays) {
		DepartmentForm form = new DepartmentForm();
		form.setName(name);
		form.setHeadcount(10);
		form.setCheckInDays(checkInDays);
		return departments.create(form);
	}

	public long person(Long departmentId) {
		return person(unique("Person"), departmentId);
	}

	public long person(String name, Long departmentId) {
		PersonForm form = new PersonForm();
		form.setName(name);
		form.setEmail(email(name));
		form.setDepartmentId(departmentId);
		return people.create(form);
	}

	/** A new person with an account of {@code role} and the password {@link #PASSWORD}; returns the email. */
	public String account(Role role) {
		return account(role, department());
	}

	/** A new person in the department ({@code null}: in none) with an account of {@code role}; returns the email. */
	public String account(Role role, Long departmentId) {
		String name = unique(role.name().toLowerCase());
		long personId = person(name, departmentId);
		AccountForm form = new AccountForm();
		form.setPersonId(personId);
		form.setRole(role);
		form.setPassword(PASSWORD);
		accounts.create(form);
		return email(name);
	}

	/** Signs a MockMvc request in as a new account of {@code role}. */
	public RequestPostProcessor as(Role role) {
		return SecurityMockMvcRequestPostProcessors.user(user(role));
	}

	public UserDetails user(Role role) {
		return users.loadUserByUsername(account(role));
	}

	public UserDetails user(String email) {
		return users.loadUserByUsername(email);
	}

	public static String email(String name) {
		return name.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "@test.waterhole";
	}

}
