package org.waterhole.organization;

import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.support.RefusingPort;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A test class of the login page with single sign-on configured, its identity provider
 * unreachable: the issuer is a local port held by the test that nobody listens on. Each subclass adds its own
 * properties, and so starts a context of its own.
 */
@WaterholeTest
abstract class LoginPageTest {

	static final String LABEL = "Test University";

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected TestData data;

	@Autowired
	private MessageSource messages;

	/** A port held, listened on by no one, for as long as the JVM runs (the contexts are cached). */
	private static final RefusingPort UNREACHABLE = RefusingPort.hold();

	/** Single sign-on with a provider that refuses connections, whose discovery waits {@code timeout}. */
	static void unreachableProvider(DynamicPropertyRegistry properties, String timeout) {
		properties.add("waterhole.oidc.issuer-uri", () -> "http://127.0.0.1:" + UNREACHABLE.port());
		properties.add("waterhole.oidc.client-id", () -> "waterhole");
		properties.add("waterhole.oidc.client-secret", () -> "not used");
		properties.add("waterhole.oidc.label", () -> LABEL);
		properties.add("waterhole.oidc.timeout", () -> timeout);
	}

	/** The page at {@code url}, answered with 200, for an anonymous visitor. */
	protected Document page(String url) throws Exception {
		return Jsoup.parse(html(url));
	}

	protected String html(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	protected String message(String key) {
		return messages.getMessage(key, null, Locale.ENGLISH);
	}

}
