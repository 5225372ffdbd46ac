package org.waterhole;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waterhole.adoption.AdoptionLog;
import org.waterhole.adoption.EventKind;
import org.waterhole.adoption.Timeline;
import org.waterhole.adoption.TimelineFilter;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.casestudy.Library;
import org.waterhole.casestudy.SearchForm;
import org.waterhole.champion.ChampionsData;
import org.waterhole.champion.Directory;
import org.waterhole.champion.DirectoryFilter;
import org.waterhole.experiment.ExperimentFilter;
import org.waterhole.experiment.ExperimentRow;
import org.waterhole.experiment.ExperimentStatus;
import org.waterhole.experiment.Experiments;
import org.waterhole.experiment.ExperimentsData;
import org.waterhole.experiment.Outcome;
import org.waterhole.organization.PersonForm;
import org.waterhole.organization.PersonService;
import org.waterhole.shared.ListCounts;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists keep their counts ({@link ListCounts}) until their module writes: a row changed behind
 * the module's back is not counted yet, a change made through the module is counted at once.
 */
@WaterholeTest
class ListCountsTests {

	private static final PageRequest FIRST = PageRequest.of(0, 20);

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Timeline timeline;

	@Autowired
	AdoptionLog log;

	@Autowired
	Experiments experiments;

	@Autowired
	ExperimentsData experimentsData;

	@Autowired
	Directory directory;

	@Autowired
	ChampionsData champions;

	@Autowired
	PersonService people;

	@Autowired
	Library library;

	@Autowired
	CaseStudies caseStudies;

	@Test
	void the_timeline_counts_again_once_an_event_is_added_through_the_log() {
		long department = data.department();
		TimelineFilter filter = new TimelineFilter();
		filter.setDepartment(List.of(department));
		// Only its experiments: case studies published for every department (by other tests, at
		// any moment) are on its timeline too.
		filter.setKind(List.of(EventKind.EXPERIMENT_STARTED.name()));
		assertThat(timeline.page(filter, FIRST).getTotalElements()).isZero();

		log.report(new AdoptionLog.Report(EventKind.EXPERIMENT_STARTED, TestClock.today(), List.of(department),
				"Reported", null, department, 1, null));
		assertThat(timeline.page(filter, FIRST).getTotalElements()).as("counted again").isEqualTo(1);
		assertThat(timeline.page(filter, FIRST).getContent()).hasSize(1);
	}

	@Test
	void the_experiment_list_counts_again_when_an_experiment_is_added_or_changes_status() {
		long department = data.department();
		ExperimentFilter running = new ExperimentFilter();
		running.setDepartment(department);
		running.setStatus(ExperimentStatus.RUNNING);
		assertThat(experiments.page(running, FIRST).getTotalElements()).isZero();

		long id = experimentsData.startedIn(department, TestData.unique("Counted"), TestClock.today().minusDays(3));
		assertThat(experiments.page(running, FIRST).getTotalElements()).isEqualTo(1);

		// Changed behind the service's back (experiments change only through it): the count is kept.
		// (The timeline's count can't show this reliably here: other tests' events reach it late.)
		long other = experimentsData.planned(TestData.unique("Behind the back"));
		// Pages of one row: a page shorter than its size would count its own rows instead.
		assertThat(experiments.page(running, PageRequest.of(0, 1)).getTotalElements()).isEqualTo(1);
		jdbc.sql("update experiment set status = 'RUNNING', actual_start = :today, department_id = :department"
				+ " where id = :id")
			.param("today", TestClock.today())
			.param("department", department)
			.param("id", other)
			.update();
		assertThat(experiments.page(running, PageRequest.of(0, 1)).getTotalElements()).as("kept").isEqualTo(1);

		// The next changes through the service count again, the row changed behind its back included.
		experimentsData.startedIn(department, TestData.unique("Counted too"), TestClock.today().minusDays(1));
		assertThat(experiments.page(running, PageRequest.of(0, 1)).getTotalElements()).as("started").isEqualTo(3);
		experimentsData.complete(id, Outcome.SUCCEEDED, TestClock.today());
		assertThat(experiments.page(running, PageRequest.of(0, 1)).getTotalElements()).as("completed").isEqualTo(2);
		assertThat(experiments.page(running, FIRST).getContent()).extracting(ExperimentRow::id).contains(other)
			.doesNotContain(id);
	}

	@Test
	void the_directory_counts_again_when_a_champion_is_recorded_or_their_person_renamed() {
		long department = data.department();
		DirectoryFilter inDepartment = new DirectoryFilter();
		inDepartment.setDepartment(department);
		assertThat(directory.page(inDepartment, null, FIRST).getTotalElements()).isZero();

		long person = data.person(department);
		champions.champion(person);
		assertThat(directory.page(inDepartment, null, FIRST).getTotalElements()).isEqualTo(1);

		String renamed = TestData.unique("Renamed");
		DirectoryFilter byName = new DirectoryFilter();
		byName.setQ(renamed);
		assertThat(directory.page(byName, null, FIRST).getTotalElements()).isZero();
		PersonForm form = people.form(person);
		form.setName(renamed);
		people.update(person, form);
		assertThat(directory.page(byName, null, FIRST).getTotalElements()).isEqualTo(1);
	}

	@Test
	void the_library_counts_again_when_a_case_study_is_published() {
		long department = data.department();
		SearchForm form = new SearchForm();
		form.setDepartment(department);
		assertThat(library.search(form, FIRST).page().getTotalElements()).isZero();

		caseStudies.published(TestData.unique("Counted"), cs -> cs.setDepartmentIds(Set.of(department)));
		assertThat(library.search(form, FIRST).page().getTotalElements()).isEqualTo(1);
		assertThat(library.search(form, FIRST).page().getContent()).hasSize(1);
	}

}
