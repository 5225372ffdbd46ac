package org.waterhole.organization;

import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestOperations;
import org.springframework.web.client.RestTemplate;

/**
 * The institution's OpenID provider, as Spring Security's OAuth2 client sees it: one client
 * registration, {@value #REGISTRATION_ID}, whose endpoints come from the provider's discovery
 * document. The document is read at the first sign-in (not at start: Waterhole starts while the
 * provider is away) and again at each click on the sign-on button, which so finds out whether the
 * provider answers before sending anyone there.
 */
class IdentityProvider {

	static final String REGISTRATION_ID = "sso";

	/** The error code of a provider that did not answer, or gave a discovery document that doesn't fit. */
	static final String UNAVAILABLE = "provider_unavailable";

	private static final Logger log = LoggerFactory.getLogger(IdentityProvider.class);

	private static final ParameterizedTypeReference<Map<String, Object>> DOCUMENT = new ParameterizedTypeReference<>() {
	};

	private final SingleSignOnProperties properties;

	private final SimpleClientHttpRequestFactory requests;

	private final RestClient http;

	private volatile ClientRegistration registration;

	IdentityProvider(SingleSignOnProperties properties) {
		this.properties = properties;
		this.requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(properties.timeout());
		requests.setReadTimeout(properties.timeout());
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	/** The registrations Spring Security's client asks for: this provider's, read when first needed. */
	ClientRegistrationRepository registrations() {
		return this::findByRegistrationId;
	}

	private ClientRegistration findByRegistrationId(String registrationId) {
		if (!REGISTRATION_ID.equals(registrationId)) {
			return null;
		}
		ClientRegistration known = registration;
		return known != null ? known : discover();
	}

	/**
	 * Reads the provider's discovery document now and keeps the registration it gives.
	 * @throws OAuth2AuthenticationException ({@value #UNAVAILABLE}) when the provider doesn't answer
	 * or its document doesn't fit its issuer
	 */
	ClientRegistration discover() {
		String issuer = properties.issuerUri().strip();
		try {
			Map<String, Object> document = http.get()
				.uri(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration")
				.retrieve()
				.body(DOCUMENT);
			if (document == null || !Objects.equals(issuer, document.get("issuer"))) {
				throw new IllegalStateException("the discovery document names another issuer");
			}
			registration = ClientRegistrations.fromOidcConfiguration(document)
				.registrationId(REGISTRATION_ID)
				.clientId(properties.clientId())
				.clientSecret(properties.clientSecret())
				.scope(properties.scopes())
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.clientName(properties.label())
				.build();
			return registration;
		}
		catch (RestClientException | IllegalArgumentException | IllegalStateException ex) {
			log.warn("The identity provider {} could not be reached or read: {}", issuer, ex.toString());
			throw new OAuth2AuthenticationException(new OAuth2Error(UNAVAILABLE), ex);
		}
	}

	/**
	 * The client of the provider's token endpoint: Spring Security's own, with the same time-outs
	 * as discovery (its default waits for ever on a provider that hangs).
	 */
	OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokenEndpoint() {
		RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
		client.setRestClient(RestClient.builder()
			.requestFactory(requests)
			.messageConverters(converters -> {
				converters.clear();
				converters.add(new FormHttpMessageConverter());
				converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
			})
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build());
		return client;
	}

	/** The client of the provider's user-info endpoint, with the same time-outs. */
	RestOperations userInfoEndpoint() {
		RestTemplate rest = new RestTemplate(requests);
		rest.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
		return rest;
	}

	/** The registration as last read, without asking the provider; {@code null} before the first sign-in. */
	ClientRegistration known() {
		return registration;
	}

}
