package org.waterhole.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Listeners between modules ({@code @ApplicationModuleListener}) run after the publishing
 * transaction, on Spring Boot's task executor. Spring Modulith keeps each event until its
 * listener succeeded: what is still incomplete is delivered again on restart and, so that a
 * passing failure (the database restarting) heals without one, by a scheduled job
 * ({@link ScheduledJobs}). Listeners are idempotent, so a second delivery is harmless.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class EventsConfiguration {

}
