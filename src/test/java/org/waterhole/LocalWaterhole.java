package org.waterhole;

import org.springframework.boot.SpringApplication;
import org.waterhole.support.DemoIdentityProvider;
import org.waterhole.support.LocalDatabase;

/**
 * Runs Waterhole on this machine with nothing installed: {@code ./mvnw spring-boot:test-run}.
 * It starts an embedded PostgreSQL 17 whose data lives in {@code .waterhole/postgres} of the
 * checkout (kept between runs), and loads the demo organisation on the first start. Beside it, on
 * {@code WATERHOLE_DEMO_SSO_PORT} (9000), a demo OpenID provider with the demo people, for "Sign
 * in with Demo SSO". It lives with the tests so that the production jar never contains or starts
 * an embedded database or a demo identity provider.
 */
public class LocalWaterhole {

	public static void main(String[] args) {
		int ssoPort = Integer.parseInt(System.getenv().getOrDefault("WATERHOLE_DEMO_SSO_PORT", "9000"));
		String waterholeUrl = System.getenv().getOrDefault("WATERHOLE_BASE_URL", "http://localhost:8080");
		DemoIdentityProvider.start(ssoPort, DemoIdentityProvider.demoUsers()).admit(waterholeUrl);
		SpringApplication.from(WaterholeApplication::main)
			.with(LocalDatabase.class)
			.withAdditionalProfiles("local")
			.run(args);
	}

}
