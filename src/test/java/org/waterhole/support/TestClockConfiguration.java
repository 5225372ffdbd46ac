package org.waterhole.support;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.core.DefaultEventPublicationRegistry;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Makes the {@link TestClock} the application's clock, in place of the one the application
 * defines, for the tests' shared context, the web slices and the applications tests start on
 * their own. Start them with {@code waterhole.time-zone} set to {@link TestClock#ZONE} too
 * ({@link #TIME_ZONE}), for what reads the zone from the setting (the cron jobs).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	/** The name of the test clock's zone. */
	static final String ZONE_NAME = "Pacific/Chatham";

	/** The setting that gives the application the test clock's zone. */
	public static final String TIME_ZONE = "waterhole.time-zone=" + ZONE_NAME;

	/** Replaces every clock the application defines with the test clock, before anything uses one. */
	@Bean
	static BeanFactoryPostProcessor testClockInstead() {
		return factory -> {
			if (factory instanceof BeanDefinitionRegistry registry) {
				for (String name : factory.getBeanNamesForType(Clock.class, true, false)) {
					if (registry.containsBeanDefinition(name)) {
						registry.removeBeanDefinition(name);
					}
				}
			}
			factory.registerSingleton("clock", TestClock.get());
		};
	}

	/**
	 * Keeps the event publication registry on real time, as it is in production (there the
	 * application's clock is the system's): it dates publications to retry those left incomplete
	 * for minutes and to purge old ones, bookkeeping that a clock standing still would stop. The
	 * registry takes whatever clock the application has and offers no other way to give it one.
	 */
	@Bean
	static SmartInitializingSingleton eventPublicationsOnRealTime(
			ObjectProvider<DefaultEventPublicationRegistry> registries) {
		return () -> registries.forEach(registry -> ReflectionTestUtils.setField(registry, "clock", Clock.systemUTC()));
	}

}
