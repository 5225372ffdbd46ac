package org.waterhole.shared.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.cache.StandardCacheManager;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Thymeleaf's caches, sized for all of Waterhole's templates at once.
 *
 * <p>Thymeleaf keeps parsed templates (with their fragment selections) and parsed expressions in
 * first-in, first-out caches of 200 and 500 entries by default. Waterhole's templates hold about
 * 1,400 distinct attribute expressions and 700 variable expressions, so with the defaults the
 * pages pushed each other's expressions out: each visit to another page parsed them again and
 * threw away their compiled SpEL, and the JIT compiler never caught up. The sizes below hold
 * every template and expression several times over; an entry is a few hundred bytes.
 */
@Configuration(proxyBeanMethods = false)
class TemplateCaches {

	static final int TEMPLATES = 2_000;

	static final int EXPRESSIONS = 20_000;

	@Bean
	static BeanPostProcessor templateCacheSizes() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof SpringTemplateEngine engine) {
					StandardCacheManager caches = new StandardCacheManager();
					caches.setTemplateCacheMaxSize(TEMPLATES);
					caches.setExpressionCacheMaxSize(EXPRESSIONS);
					engine.setCacheManager(caches);
				}
				return bean;
			}
		};
	}

}
