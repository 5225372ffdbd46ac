package org.waterhole;

import org.springframework.boot.SpringApplication;
import org.waterhole.support.LocalDatabase;

/**
 * Runs Waterhole on this machine with nothing installed: {@code ./mvnw spring-boot:test-run}.
 * It starts an embedded PostgreSQL 17 whose data lives in {@code .waterhole/postgres} of the
 * checkout (kept between runs), and loads the demo organisation on the first start. It lives
 * with the tests so that the production jar never contains or starts an embedded database.
 */
public class LocalWaterhole {

	public static void main(String[] args) {
		SpringApplication.from(WaterholeApplication::main)
			.with(LocalDatabase.class)
			.withAdditionalProfiles("local")
			.run(args);
	}

}
