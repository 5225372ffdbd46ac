package org.waterhole.organization;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start against an empty database, creates the one strategist account everything
 * else is managed from: {@code WATERHOLE_ADMIN_EMAIL} and {@code WATERHOLE_ADMIN_PASSWORD}
 * from the environment. Without a password the first start stops with a message saying so: there
 * is no default password, and none is made up and written to the log, where anyone who can read
 * logs would find it.
 */
@Component
@Order(AdminAccount.ORDER)
class AdminAccount implements ApplicationRunner {

	/** After the demo data, which brings its own strategist. */
	static final int ORDER = 100;

	private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

	private final AccountRepository accounts;

	private final PersonRepository people;

	private final PasswordEncoder passwordEncoder;

	private final Settings settings;

	private final JdbcClient jdbc;

	AdminAccount(AccountRepository accounts, PersonRepository people, PasswordEncoder passwordEncoder,
			Settings settings, JdbcClient jdbc) {
		this.accounts = accounts;
		this.people = people;
		this.passwordEncoder = passwordEncoder;
		this.settings = settings;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		// Instances starting together on an empty database take turns (the lock ends with the
		// transaction): the first makes the account, the others then find it.
		jdbc.sql("select pg_advisory_xact_lock(hashtext('waterhole: the first strategist'))").query().singleRow();
		if (accounts.count() > 0) {
			return;
		}
		String password = settings.password();
		if (password == null || password.isBlank()) {
			throw new IllegalStateException("There is no account yet: set WATERHOLE_ADMIN_PASSWORD (and "
					+ "WATERHOLE_ADMIN_EMAIL) for the first start, to create the first strategist's account");
		}
		if (AcceptablePassword.Validator.problemWith(password) != null) {
			throw new IllegalStateException("WATERHOLE_ADMIN_PASSWORD must have at least " + AcceptablePassword.MIN_LENGTH
					+ " characters and at most " + AcceptablePassword.MAX_BYTES + " bytes, and not be a common password");
		}
		String email = Person.normalizeEmail(settings.email());
		Person person = people.findByEmail(email).orElseGet(() -> people.save(new Person(settings.name(), email, null, null)));
		accounts.save(new Account(person, passwordEncoder.encode(password), Role.STRATEGIST));
		log.info("Created the strategist account {} with the password from WATERHOLE_ADMIN_PASSWORD", email);
	}

	/** {@code waterhole.admin.*}, bound from {@code WATERHOLE_ADMIN_EMAIL} and friends. */
	@ConfigurationProperties("waterhole.admin")
	record Settings(String email, String password, String name) {

		Settings {
			email = email == null || email.isBlank() ? "admin@waterhole.local" : email;
			name = name == null || name.isBlank() ? "Administrator" : name;
		}

	}

}
