package org.waterhole.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Listeners between modules ({@code @ApplicationModuleListener}) run after the publishing
 * transaction, on Spring Boot's task executor.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {

}
