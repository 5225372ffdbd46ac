package org.waterhole.organization;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.waterhole.support.EmbeddedDatabase;
import org.waterhole.support.StandaloneApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first start on an empty database creates the one strategist account from the
 * environment, and refuses to start without a password; later starts leave accounts alone.
 * Each case starts the application on a database of its own, empty before it starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminAccountTests {

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
	void without_a_password_the_first_start_stops_and_says_what_to_set(CapturedOutput output) {
		String url = EmbeddedDatabase.emptyDatabase("admin_without_password");
		assertThatThrownBy(() -> start(url).close()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("set WATERHOLE_ADMIN_PASSWORD");
		assertThat(output).doesNotContainPattern("(?i)generated password");
		assertThat(EmbeddedDatabase.number(url, "select count(*) from account")).as("no account without a password").isZero();
	}

	private static ConfigurableApplicationContext start(String url, String... args) {
		return StandaloneApplication.start(url, List.of(), args);
	}

}
