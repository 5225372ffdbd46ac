package org.waterhole.adoption;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.waterhole.champion.ChampionsData;
import org.waterhole.experiment.ExperimentsData;
import org.waterhole.organization.Role;
import org.waterhole.support.Statements;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each adoption page costs a bounded number of SQL statements (at most 12), and the same number
 * after the department and the organisation got ten times more of everything it shows.
 */
@WaterholeTest
class AdoptionStatementsTests {

	static final int BUDGET = 12;

	@Autowired
	MockMvc mvc;

	@Autowired
	CacheManager caches;

	@Autowired
	TestData data;

	@Autowired
	AdoptionLog log;

	@Autowired
	ChampionsData champions;

	@Autowired
	ExperimentsData experiments;

	@Test
	void each_page_stays_within_the_budget_and_does_not_grow_with_the_data() throws Exception {
		long department = data.department();
		for (int i = 0; i < Dashboard.PRIVACY_FLOOR; i++) {
			data.person(department); // enough people for its reach to be shown
		}
		grow(department, 1);
		RequestPostProcessor manager = SecurityMockMvcRequestPostProcessors.user(data.user(Role.MANAGER));
		RequestPostProcessor strategist = SecurityMockMvcRequestPostProcessors.user(data.user(Role.STRATEGIST));
		Map<String, Integer> small = counts(department, manager, strategist);

		grow(department, 10);
		Map<String, Integer> large = counts(department, manager, strategist);

		assertThat(small).allSatisfy((page, count) -> assertThat(count).as(page).isLessThanOrEqualTo(BUDGET));
		assertThat(large).isEqualTo(small);
	}

	private Map<String, Integer> counts(long department, RequestPostProcessor manager, RequestPostProcessor strategist)
			throws Exception {
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("timeline", count("/adoption", manager));
		counts.put("timeline filtered, page 2", count("/adoption?kind=OBJECTION&kind=NOTE&department=" + department
				+ "&page=1", manager));
		counts.put("department", count("/adoption/departments/" + department, manager));
		counts.put("dashboard", count("/adoption/dashboard", manager));
		counts.put("dashboard, one department", count("/adoption/dashboard?department=" + department, manager));
		counts.put("export", count("/adoption/dashboard/export.csv?table=REACH", manager));
		counts.put("report, one department", count("/adoption/report?department=" + department, manager));
		counts.put("report, organisation", count("/adoption/report?scope=organisation", manager));
		counts.put("record form", count("/adoption/events/new?department=" + department, strategist));
		return counts;
	}

	private int count(String path, RequestPostProcessor user) throws Exception {
		return Statements.ofPage(mvc, caches, path, user);
	}

	/** {@code times} more of each thing the pages show: events, objections, champions, experiments. */
	private void grow(long department, int times) {
		long recorder = data.person(department);
		for (int i = 0; i < times; i++) {
			RecordForm objection = RecordForm.of(department, TestClock.today().minusDays(i), EventKind.OBJECTION,
					"Objection " + i);
			objection.setObjectionCategory(ObjectionCategory.VALUE);
			log.record(objection, recorder);
			log.record(RecordForm.of(department, TestClock.today().minusDays(i), EventKind.NOTE, "Note " + i), recorder);
			champions.champion(data.person(department));
			experiments.startedIn(department, TestData.unique("Experiment"), TestClock.today().minusDays(i));
			for (int j = 0; j < 3; j++) {
				data.department();
			}
		}
	}

}
