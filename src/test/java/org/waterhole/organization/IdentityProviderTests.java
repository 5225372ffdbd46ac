package org.waterhole.organization;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A provider that takes the connection and never answers holds a sign-in no longer than the
 * time-out: discovery, the token endpoint and the user-info endpoint alike end with a socket's
 * time-out, which only a time-out set on the connection gives (the provider never answers nor
 * closes). The class's own time limit is a safety net, not the evidence.
 */
@Timeout(60) // without the time-outs, these would wait for ever
class IdentityProviderTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	private ServerSocket silent;

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	private IdentityProvider provider;

	@BeforeEach
	void silentProvider() throws IOException {
		silent = new ServerSocket(0);
		Thread listener = new Thread(() -> {
			try {
				while (!silent.isClosed()) {
					held.add(silent.accept()); // taken, never answered
				}
			}
			catch (IOException ex) {
				// closed by the test
			}
		});
		listener.setDaemon(true);
		listener.start();
		provider = new IdentityProvider(new SingleSignOnProperties(base(), "waterhole", "secret", "Test SSO",
				List.of("openid"), null, false, TIMEOUT));
	}

	@AfterEach
	void close() throws IOException {
		silent.close();
		for (Socket socket : held) {
			socket.close();
		}
	}

	@Test
	void discovery_gives_up_after_the_time_out() {
		assertThatThrownBy(provider::discover).isInstanceOf(OAuth2AuthenticationException.class)
			.hasRootCauseInstanceOf(SocketTimeoutException.class);
	}

	@Test
	void the_token_endpoint_gives_up_after_the_time_out() {
		ClientRegistration registration = ClientRegistration.withRegistrationId(IdentityProvider.REGISTRATION_ID)
			.clientId("waterhole")
			.clientSecret("secret")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("http://localhost/login/oauth2/code/sso")
			.authorizationUri(base() + "/authorize")
			.tokenUri(base() + "/token")
			.build();
		OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(base() + "/authorize")
			.clientId("waterhole")
			.redirectUri("http://localhost/login/oauth2/code/sso")
			.state("state")
			.build();
		OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success("code")
			.redirectUri("http://localhost/login/oauth2/code/sso")
			.state("state")
			.build();
		OAuth2AuthorizationCodeGrantRequest grant = new OAuth2AuthorizationCodeGrantRequest(registration,
				new OAuth2AuthorizationExchange(request, response));

		assertThatThrownBy(() -> provider.tokenEndpoint().getTokenResponse(grant))
			.hasRootCauseInstanceOf(SocketTimeoutException.class);
	}

	@Test
	void the_user_info_endpoint_gives_up_after_the_time_out() {
		assertThatThrownBy(() -> provider.userInfoEndpoint().getForObject(base() + "/userinfo", String.class))
			.isInstanceOf(ResourceAccessException.class)
			.hasRootCauseInstanceOf(SocketTimeoutException.class);
	}

	private String base() {
		return "http://localhost:" + silent.getLocalPort();
	}

}
