package org.waterhole.organization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One former member in the demo organisation: once every module's demo data is in, the strategist
 * erases the first alumni champion, through the same service as the erase page. Their readings,
 * activities and timeline entries stay, under the name Former member.
 */
@Component
@ConditionalOnBooleanProperty("waterhole.demo.enabled")
@Order(ErasureDemoData.ORDER)
class ErasureDemoData implements ApplicationRunner {

	/** After every other module's demo data (adoption's is the last). */
	static final int ORDER = OrganizationDemoData.ORDER + 50;

	private static final Logger log = LoggerFactory.getLogger(ErasureDemoData.class);

	private static final String ERASED_ALREADY = "select exists (select 1 from person where erased_at is not null)";

	private static final String FIRST_ALUMNI = """
			select person_id from champion where status = 'ALUMNI' order by id limit 1
			""";

	private final PersonService people;

	private final PersonErasure erasure;

	private final JdbcClient jdbc;

	ErasureDemoData(PersonService people, PersonErasure erasure, JdbcClient jdbc) {
		this.people = people;
		this.erasure = erasure;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql(ERASED_ALREADY).query(Boolean.class).single()) {
			return;
		}
		Long strategist = people.idByEmail(OrganizationDemoData.STRATEGIST_EMAIL).orElse(null);
		Long alumni = jdbc.sql(FIRST_ALUMNI).query(Long.class).optional().orElse(null);
		if (strategist == null || alumni == null) {
			return;
		}
		erasure.erase(alumni, people.nameOf(alumni).orElseThrow(), strategist);
		log.info("Erased one demo champion (alumni): person {} is a former member", alumni);
	}

}
