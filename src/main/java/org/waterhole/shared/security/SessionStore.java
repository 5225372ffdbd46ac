package org.waterhole.shared.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
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

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesThatNoLongerReadAreDropped() {
		return repository -> repository.setConversionService(conversions());
	}

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
