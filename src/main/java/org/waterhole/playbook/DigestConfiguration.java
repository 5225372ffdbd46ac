package org.waterhole.playbook;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The weekly digest e-mail, there only when {@code waterhole.digest.enabled=true} (off by
 * default): its job ({@link DigestJob}), the sending ({@link Digests}) and what it needs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "waterhole.digest.enabled", havingValue = "true")
@Import({ DigestJob.class, Digests.class, DigestWriter.class, DigestReader.class, DigestLedger.class })
class DigestConfiguration {

	/**
	 * The digest's plain-text template ({@code templates/playbook/digest.txt}), read in Thymeleaf's
	 * text mode by the application's template engine beside its HTML templates. It only answers
	 * names ending in {@code .txt}, which no page uses; pages are resolved as before.
	 */
	@Bean
	ITemplateResolver digestTextTemplates() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setResolvablePatterns(Set.of("playbook/*.txt"));
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(0);
		return resolver;
	}

}
