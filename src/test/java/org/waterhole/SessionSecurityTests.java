package org.waterhole;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.waterhole.organization.Role;
import org.waterhole.support.TestData;
import org.waterhole.support.Visitor;
import org.waterhole.support.Visitor.Page;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions over real HTTP: a new one at sign-in, none after signing out, and a 30-minute timeout. */
@WaterholeTest
class SessionSecurityTests {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	WebServerApplicationContext context;

	@Test
	void signing_in_changes_the_session_id_so_a_planted_one_is_worthless() {
		Visitor visitor = new Visitor(port);
		String before = visitor.get("/login").sessionId().orElseThrow();

		Page signedIn = visitor.signIn(data.account(Role.STAFF), TestData.PASSWORD);

		assertThat(signedIn.location()).endsWith("/");
		assertThat(signedIn.sessionId()).isPresent().get().isNotEqualTo(before);
		assertThat(get("/", before).statusCode()).as("the session from before signing in").isEqualTo(302);
	}

	@Test
	void signing_out_ends_the_session_for_whoever_holds_its_id() {
		Visitor visitor = new Visitor(port);
		String session = visitor.signIn(data.account(Role.STAFF), TestData.PASSWORD).sessionId().orElseThrow();
		assertThat(get("/", session).statusCode()).isEqualTo(200);

		Page signedOut = visitor.post("/logout", Map.of(), true);

		assertThat(signedOut.location()).endsWith("/login?logout");
		HttpResponse<String> after = get("/", session);
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/login"));
	}

	@Test
	void idle_sessions_end_after_thirty_minutes() {
		Context app = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
		assertThat(app.getSessionTimeout()).as("minutes").isEqualTo(30);
	}

	/** A GET with nothing but this session id: someone else holding it. */
	private HttpResponse<String> get(String path, String sessionId) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Cookie", "JSESSIONID=" + sessionId)
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
