package org.waterhole.shared.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.util.ClassUtils;

/**
 * Sessions are kept in PostgreSQL by Spring Session, their attributes (the signed-in user, the
 * CSRF token, a message for the next page) serialized by Java. An attribute that no longer reads,
 * because a new version of the application or of Spring Security changed its class since it was
 * written, is dropped rather than failing every request of its user until the session ends: the
 * user is signed out and signs in again.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

	/**
	 * The session repository as Waterhole needs it, set once Spring Boot has customized it (its
	 * table name prepares the repository's statements afresh, so a customizer running before it
	 * would be undone):
	 * <ul>
	 * <li>requests of one session at the same moment (tabs, htmx) may each add the same attribute
	 * (the CSRF token a page's forms need, right after signing in): PostgreSQL's upsert keeps the
	 * last instead of refusing the others with a duplicate key;</li>
	 * <li>attributes that no longer read are dropped ({@link #conversions}).</li>
	 * </ul>
	 */
	@Bean
	static BeanPostProcessor sessionRepositoryForWaterhole() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof JdbcIndexedSessionRepository repository) {
					new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
					repository.setConversionService(conversions());
				}
				return bean;
			}

		};
	}

	/** Java serialization, where what no longer deserializes is logged and read as nothing. */
	static GenericConversionService conversions() {
		DeserializingConverter deserializer = new DeserializingConverter(ClassUtils.getDefaultClassLoader());
		GenericConversionService conversions = new GenericConversionService();
		conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversions.addConverter(byte[].class, Object.class, bytes -> {
			try {
				return deserializer.convert(bytes);
			}
			catch (SerializationFailedException ex) {
				log.warn("A session attribute could not be read (written by another version?), so it is dropped: {}",
						ex.getMostSpecificCause().toString());
				return null;
			}
		});
		return conversions;
	}

}
