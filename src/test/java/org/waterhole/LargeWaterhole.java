package org.waterhole;

import org.springframework.boot.SpringApplication;
import org.waterhole.support.LocalDatabase;

/**
 * Runs Waterhole on the "large institution" data set, for the benchmark ({@code bench/run}):
 * profile {@code large} ({@code application-large.properties}: port 8081, no demo data). Without
 * {@code SPRING_DATASOURCE_URL} it starts the embedded PostgreSQL 17 kept in
 * {@code .waterhole/large} on port 54330, the database that {@code bench/generate} fills;
 * with it, it uses that database as given.
 */
public class LargeWaterhole {

	public static void main(String[] args) {
		SpringApplication.Augmented application = SpringApplication.from(WaterholeApplication::main)
			.withAdditionalProfiles("large");
		if (isBlank(System.getenv("SPRING_DATASOURCE_URL"))) {
			application = application.with(LocalDatabase.class);
		}
		application.run(args);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
