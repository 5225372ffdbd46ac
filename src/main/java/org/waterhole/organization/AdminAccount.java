package org.waterhole.organization;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start against an empty database, creates the one strategist account everything
 * else is managed from: {@code WATERHOLE_ADMIN_EMAIL} and {@code WATERHOLE_ADMIN_PASSWORD}
 * from the environment, or, when no password is given, a generated one printed once in the log.
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

	AdminAccount(AccountRepository accounts, PersonRepository people, PasswordEncoder passwordEncoder,
			Settings settings) {
		this.accounts = accounts;
		this.people = people;
		this.passwordEncoder = passwordEncoder;
		this.settings = settings;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (accounts.count() > 0) {
			return;
		}
		String password = settings.password();
		boolean generated = password == null || password.isBlank();
		if (generated) {
			password = generatePassword();
		}
		else if (AcceptablePassword.Validator.problemWith(password) != null) {
			throw new IllegalStateException("WATERHOLE_ADMIN_PASSWORD must have at least " + AcceptablePassword.MIN_LENGTH
					+ " characters and at most " + AcceptablePassword.MAX_BYTES + " bytes, and not be a common password");
		}
		String email = Person.normalizeEmail(settings.email());
		Person person = people.findByEmail(email).orElseGet(() -> people.save(new Person(settings.name(), email, null, null)));
		accounts.save(new Account(person, passwordEncoder.encode(password), Role.STRATEGIST));
		if (generated) {
			log.warn("Created the strategist account {} with the generated password: {}  (shown once; change it after "
					+ "signing in, or set WATERHOLE_ADMIN_PASSWORD before the first start)", email, password);
		}
		else {
			log.info("Created the strategist account {} with the password from WATERHOLE_ADMIN_PASSWORD", email);
		}
	}

	private static String generatePassword() {
		byte[] random = new byte[18];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
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
