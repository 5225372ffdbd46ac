package org.waterhole.organization;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.waterhole.WaterholeApplication;
import org.waterhole.support.EmbeddedDatabase;
import org.waterhole.support.EmbeddedDatabaseConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start on an empty database creates the one strategist account, from the
 * environment or with a generated password printed once; later starts leave accounts alone.
 * Each case starts the application on a database of its own, empty before it starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminAccountTests {

	private static final Pattern GENERATED = Pattern.compile("generated password: (\\S+)");

	@Test
	void with_a_password_from_the_environment_the_strategist_is_created_once(CapturedOutput output) {
		String url = EmbeddedDatabase.emptyDatabase("admin_with_password");
		try (ConfigurableApplicationContext app = start(url, "--waterhole.admin.email=Boss@Example.org",
				"--waterhole.admin.password=a very long secret", "--waterhole.admin.name=The Boss")) {
			WaterholeUser admin = (WaterholeUser) app.getBean(UserDetailsService.class)
				.loadUserByUsername("boss@example.org");
			assertThat(admin.getRole()).isEqualTo(Role.STRATEGIST);
			assertThat(admin.getDisplayName()).isEqualTo("The Boss");
			assertThat(app.getBean(PasswordEncoder.class).matches("a very long secret", admin.getPassword())).isTrue();
			assertThat(output).doesNotContain("a very long secret");

			app.getBean(AdminAccount.class).run(new DefaultApplicationArguments());
			assertThat(app.getBean(AccountRepository.class).count()).isEqualTo(1);
		}
	}

	@Test
	void without_a_password_one_is_generated_and_logged_once(CapturedOutput output) {
		String url = EmbeddedDatabase.emptyDatabase("admin_without_password");
		try (ConfigurableApplicationContext app = start(url)) {
			Matcher logged = GENERATED.matcher(output.getAll());
			assertThat(logged.find()).as("the generated password is in the log").isTrue();
			String password = logged.group(1);
			WaterholeUser admin = (WaterholeUser) app.getBean(UserDetailsService.class)
				.loadUserByUsername("admin@waterhole.local");
			assertThat(admin.getRole()).isEqualTo(Role.STRATEGIST);
			assertThat(app.getBean(PasswordEncoder.class).matches(password, admin.getPassword())).isTrue();
			assertThat(password).hasSizeGreaterThanOrEqualTo(AcceptablePassword.MIN_LENGTH);

			app.getBean(AdminAccount.class).run(new DefaultApplicationArguments());
			assertThat(GENERATED.matcher(output.getAll()).results().count()).as("printed once").isEqualTo(1);
		}
	}

	private static ConfigurableApplicationContext start(String url, String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(args, 0, all, 1, args.length);
		SpringApplication application = new SpringApplication(WaterholeApplication.class);
		application.addInitializers(context -> context.getBeanFactory()
			.registerSingleton("emptyDatabase", (JdbcConnectionDetails) EmbeddedDatabaseConfiguration.connectionDetails(url)));
		return application.run(all);
	}

}
