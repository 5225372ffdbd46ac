package org.waterhole;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module structure holds (no cycles, no reaching into another module's internals) and its
 * documentation, drawn from the code, is written to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(WaterholeApplication.class);

	@Test
	void modules_respect_their_boundaries() {
		modules.verify();
	}

	@Test
	void every_module_is_known_and_shared_depends_on_nothing() {
		assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
			.contains("organization", "shared");
		ApplicationModule shared = modules.getModuleByName("shared").orElseThrow();
		assertThat(shared.getBootstrapDependencies(modules)).isEmpty();
		assertThat(shared.getDirectDependencies(modules).stream().toList()).isEmpty();
	}

	@Test
	void documentation_is_written() {
		new Documenter(modules).writeDocumentation();
	}

}
