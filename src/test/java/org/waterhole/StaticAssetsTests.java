package org.waterhole;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real servlet container: pages and static files are compressed for a browser that
 * accepts gzip, static files are served under {@code /assets/} with a hash of their content in
 * their name and may be cached for a year, and links to pages are left as they are.
 */
@WaterholeTest
class StaticAssetsTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void pages_and_static_files_are_compressed_and_static_files_are_versioned_and_cached_for_a_year()
			throws Exception {
		HttpResponse<byte[]> login = get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.headers().firstValue("Content-Encoding")).hasValue("gzip");
		Document page = Jsoup.parse(gunzip(login.body()));

		String stylesheet = page.select("link[rel=stylesheet][href*=waterhole]").attr("href");
		String script = page.select("script[src*=waterhole]").attr("src");
		assertThat(stylesheet).matches("/assets/css/waterhole-[0-9a-f]{32}\\.css");
		assertThat(script).matches("/assets/js/waterhole-[0-9a-f]{32}\\.js");
		assertThat(page.select("form").attr("action")).isEqualTo("/login");

		for (String asset : new String[] { stylesheet, script }) {
			HttpResponse<byte[]> file = get(asset);
			assertThat(file.statusCode()).as(asset).isEqualTo(200);
			assertThat(file.headers().firstValue("Cache-Control")).as(asset)
				.hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000").contains("public"));
		}
		// Compressed like pages (files under 2 KB are not worth it and are sent as they are).
		HttpResponse<byte[]> css = get(stylesheet);
		assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gunzip(css.body())).contains("{");
		// The files are no longer served from where the pages used to be looked for.
		assertThat(get("/css/waterhole.css").statusCode()).isNotEqualTo(200);
	}

	private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept-Encoding", "gzip")
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
