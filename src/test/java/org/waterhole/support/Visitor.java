package org.waterhole.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Someone using the running application over real HTTP, as a browser would without JavaScript:
 * keeps its session cookie, doesn't follow redirects, and sends the CSRF token that the pages
 * give it. For what MockMvc can't show: the servlet container's error pages, sessions, filters.
 */
public final class Visitor {

	/** The name of the session cookie. */
	public static final String SESSION_COOKIE = "SESSION";

	private final String base;

	private final HttpClient client;

	public Visitor(int port) {
		this("http://localhost:" + port, HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build());
	}

	private Visitor(String base, HttpClient client) {
		this.base = base;
		this.client = client;
	}

	/**
	 * The same visitor, with the same cookies, sending its requests to the instance on
	 * {@code port}: what a load balancer does when it sends a user to another instance.
	 */
	public Visitor at(int port) {
		return new Visitor("http://localhost:" + port, client);
	}

	public record Page(int status, String location, String body, java.net.http.HttpHeaders headers) {

		/**
		 * The session this answer gives the visitor, if it gives one: the value of the session
		 * cookie (Spring Session's, the session id in Base64), as a browser would send it back.
		 */
		public java.util.Optional<String> sessionId() {
			return headers.allValues("Set-Cookie")
				.stream()
				.filter(cookie -> cookie.startsWith(SESSION_COOKIE + "="))
				.map(cookie -> cookie.substring(SESSION_COOKIE.length() + 1, cookie.indexOf(';')))
				.findFirst();
		}

		public Document document() {
			return Jsoup.parse(body);
		}

		/** The heading of the page. */
		public String heading() {
			Element h1 = document().selectFirst("h1");
			return h1 == null ? "" : h1.text();
		}

	}

	public Page get(String path) {
		return get(path, "text/html");
	}

	public Page get(String path, String accept) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build());
	}

	/** A request without a body ({@code HEAD}, {@code OPTIONS}, ...) with extra request headers. */
	public Page request(String method, String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Accept", "text/html")
			.method(method, HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return send(request.build());
	}

	/** Posts {@code fields}; with {@code csrf} the token of the visitor's session is added. */
	public Page post(String path, Map<String, String> fields, boolean csrf) {
		return post(path, fields, csrf, Map.of());
	}

	/** Posts {@code fields} with extra request headers (a proxy's {@code X-Forwarded-For}). */
	public Page post(String path, Map<String, String> fields, boolean csrf, Map<String, String> headers) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		if (csrf) {
			form.put("_csrf", csrfToken());
		}
		String body = form.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return postRaw(path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8), headers);
	}

	/** Posts a body of its own making (a multipart upload) in the visitor's session. */
	public Page postRaw(String path, String contentType, byte[] body) {
		return postRaw(path, contentType, body, Map.of());
	}

	/** Posts a body of its own making with extra request headers (an htmx request: {@code HX-Request: true}). */
	public Page postRaw(String path, String contentType, byte[] body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Accept", "text/html")
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		return send(request.build());
	}

	/** Signs in through the login form; returns the answer to the form's submission. */
	public Page signIn(String email, String password) {
		return post("/login", Map.of("email", email, "password", password), true);
	}

	/** A CSRF token valid in this visitor's session, taken from the login page or the start page. */
	public String csrfToken() {
		Page page = get("/login");
		if (page.status() == 302) {
			page = get("/");
		}
		Element token = page.document().selectFirst("input[name=_csrf]");
		if (token == null) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return token.attr("value");
	}

	private Page send(HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
					response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create(base + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
