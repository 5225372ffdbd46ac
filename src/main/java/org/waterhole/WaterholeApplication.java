package org.waterhole;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Waterhole: helps a social media strategist lead every department of an organisation into
 * using social media, by educating, experimenting, finding champions and watching adoption.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class WaterholeApplication {

	public static void main(String[] args) {
		SpringApplication.run(WaterholeApplication.class, args);
	}

}
