package org.waterhole.experiment;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.experiment.Experiment.ChangeRefused;
import org.waterhole.experiment.Experiment.IllegalTransitionException;
import org.waterhole.organization.Role;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The lifecycle {@code IDEA → PLANNED → RUNNING → COMPLETED}, {@code ABANDONED} from any open
 * status: every pair of statuses, through the service and through forged HTTP posts.
 */
@WaterholeTest
@RecordApplicationEvents
class ExperimentLifecycleTests {

	static final Map<ExperimentStatus, Set<ExperimentStatus>> LEGAL = Map.of(ExperimentStatus.IDEA,
			Set.of(ExperimentStatus.PLANNED, ExperimentStatus.ABANDONED), ExperimentStatus.PLANNED,
			Set.of(ExperimentStatus.RUNNING, ExperimentStatus.ABANDONED), ExperimentStatus.RUNNING,
			Set.of(ExperimentStatus.COMPLETED, ExperimentStatus.ABANDONED), ExperimentStatus.COMPLETED, Set.of(),
			ExperimentStatus.ABANDONED, Set.of());

	static final Map<ExperimentStatus, String> ACTION = Map.of(ExperimentStatus.PLANNED, "plan",
			ExperimentStatus.RUNNING, "start", ExperimentStatus.COMPLETED, "complete", ExperimentStatus.ABANDONED,
			"abandon");

	@Autowired
	ExperimentsData experiments;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@ParameterizedTest
	@EnumSource(ExperimentStatus.class)
	void every_move_from_each_status_is_allowed_or_refused_as_the_lifecycle_says(ExperimentStatus from) {
		for (ExperimentStatus to : EnumSet.of(ExperimentStatus.PLANNED, ExperimentStatus.RUNNING,
				ExperimentStatus.COMPLETED, ExperimentStatus.ABANDONED)) {
			long id = at(from);
			if (LEGAL.get(from).contains(to)) {
				move(id, to);
				assertThat(experiments.service().status(id)).as(from + " → " + to).isEqualTo(to);
			}
			else {
				assertThatThrownBy(() -> move(id, to)).as(from + " → " + to)
					.isInstanceOf(IllegalTransitionException.class);
				assertThat(experiments.service().status(id)).isEqualTo(from);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(ExperimentStatus.class)
	void a_forged_post_of_an_illegal_move_is_refused_with_a_message(ExperimentStatus from) throws Exception {
		for (ExperimentStatus to : EnumSet.of(ExperimentStatus.PLANNED, ExperimentStatus.RUNNING,
				ExperimentStatus.COMPLETED, ExperimentStatus.ABANDONED)) {
			if (LEGAL.get(from).contains(to)) {
				continue;
			}
			long id = at(from);
			mvc.perform(post("/experiments/{id}/{action}", id, ACTION.get(to))
				.param("version", String.valueOf(experiments.version(id)))
				.param("startOn", TestClock.today().toString())
				.param("endOn", TestClock.today().toString())
				.param("outcome", "SUCCEEDED")
				.param("learnings", "Forged")
				.param("reason", "Forged")
				.with(csrf())
				.with(data.as(Role.STRATEGIST)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("That step is not possible")));
			assertThat(experiments.service().status(id)).as(from + " → " + to).isEqualTo(from);
		}
	}

	@Test
	void every_legal_move_works_through_the_page() throws Exception {
		long id = experiments.idea(TestData.unique("Through the page"));
		LocalDate today = TestClock.today();
		for (String[] step : new String[][] { { "plan", "PLANNED" }, { "start", "RUNNING" },
				{ "complete", "COMPLETED" } }) {
			mvc.perform(post("/experiments/{id}/{action}", id, step[0])
				.param("version", String.valueOf(experiments.version(id)))
				.param("plannedStart", today.minusDays(3).toString())
				.param("plannedEnd", today.plusDays(20).toString())
				.param("startOn", today.minusDays(3).toString())
				.param("endOn", today.toString())
				.param("outcome", "INCONCLUSIVE")
				.param("learnings", "Too little data to tell.")
				.with(csrf())
				.with(data.as(Role.STRATEGIST))).andExpect(redirectedUrl("/experiments/" + id));
			assertThat(experiments.service().status(id)).isEqualTo(ExperimentStatus.valueOf(step[1]));
		}
		ExperimentView done = experiments.service().view(id);
		assertThat(done.actualStart()).isEqualTo(today.minusDays(3));
		assertThat(done.actualEnd()).isEqualTo(today);

		long other = experiments.running(TestData.unique("Abandoned through the page"), today.minusDays(5));
		mvc.perform(post("/experiments/{id}/abandon", other).param("version", String.valueOf(experiments.version(other)))
			.param("reason", "The account was closed")
			.param("abandonOn", today.minusDays(1).toString())
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(redirectedUrl("/experiments/" + other));
		assertThat(experiments.service().view(other).actualEnd()).isEqualTo(today.minusDays(1));
	}

	@Test
	void refusals_keep_what_was_typed_and_say_why_next_to_the_right_form() throws Exception {
		LocalDate today = TestClock.today();
		long running = experiments.running(TestData.unique("Refused"), today.minusDays(5));
		String page = mvc.perform(post("/experiments/{id}/complete", running)
			.param("version", String.valueOf(experiments.version(running)))
			.param("outcome", "SUCCEEDED")
			.param("learnings", "My long careful learnings")
			.param("endOn", today.minusDays(10).toString())
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("My long careful learnings").contains("The end can’t be before the start.");

		page = mvc.perform(post("/experiments/{id}/abandon", running)
			.param("version", String.valueOf(experiments.version(running)))
			.param("reason", "Kept reason")
			.param("abandonOn", today.plusDays(3).toString())
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		org.jsoup.nodes.Document document = org.jsoup.Jsoup.parse(page);
		assertThat(document.select("details[open] textarea[name=reason]").text()).isEqualTo("Kept reason");
		assertThat(document.select("details[open]").text()).contains("The end can’t be in the future.");

		page = mvc.perform(post("/experiments/{id}/complete", running).param("version", "abc")
			.param("outcome", "SUCCEEDED")
			.param("learnings", "Typed before the page went stale")
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("This form came back incomplete or altered")
			.contains("Typed before the page went stale");
		assertThat(experiments.service().status(running)).isEqualTo(ExperimentStatus.RUNNING);
	}

	@Test
	void starting_needs_a_start_date_that_is_not_in_the_future() {
		long id = experiments.planned(TestData.unique("Start"));
		assertThatThrownBy(() -> experiments.service().start(id, experiments.version(id), null))
			.isInstanceOf(ChangeRefused.class)
			.hasMessage("experiment.start.required");
		assertThatThrownBy(() -> experiments.service().start(id, experiments.version(id), TestClock.today().plusDays(2)))
			.hasMessage("experiment.start.future");
		assertThat(experiments.service().status(id)).isEqualTo(ExperimentStatus.PLANNED);
	}

	@Test
	void completing_needs_outcome_and_learnings_and_sets_the_end_date(ApplicationEvents events) {
		LocalDate start = TestClock.today().minusDays(20);
		long id = experiments.running(TestData.unique("Complete"), start);
		ExperimentService service = experiments.service();
		assertThatThrownBy(() -> service.complete(id, experiments.version(id), null, "Learned", null))
			.hasMessage("experiment.outcome.required");
		assertThatThrownBy(() -> service.complete(id, experiments.version(id), Outcome.FAILED, " ", null))
			.hasMessage("experiment.learnings.required");
		assertThatThrownBy(
				() -> service.complete(id, experiments.version(id), Outcome.FAILED, "Learned", start.minusDays(1)))
			.hasMessage("experiment.end.beforeStart");

		service.complete(id, experiments.version(id), Outcome.FAILED, "Learned a lot", null);
		ExperimentView done = service.view(id);
		assertThat(done.status()).isEqualTo(ExperimentStatus.COMPLETED);
		assertThat(done.actualEnd()).isEqualTo(TestClock.today());
		assertThat(done.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(events.stream(ExperimentStarted.class)).anySatisfy(e -> {
			assertThat(e.experimentId()).isEqualTo(id);
			assertThat(e.startedOn()).isEqualTo(start);
		});
		assertThat(events.stream(ExperimentCompleted.class)).singleElement().satisfies(e -> {
			assertThat(e.experimentId()).isEqualTo(id);
			assertThat(e.outcome()).isEqualTo(Outcome.FAILED);
		});
	}

	@Test
	void abandoning_needs_a_reason() {
		long id = experiments.idea(TestData.unique("Abandon"));
		assertThatThrownBy(() -> experiments.service().abandon(id, experiments.version(id), "", null))
			.hasMessage("experiment.abandon.reasonRequired");
		experiments.service().abandon(id, experiments.version(id), "No capacity this term", null);
		assertThat(experiments.service().view(id).abandonReason()).isEqualTo("No capacity this term");
	}

	@Test
	void a_stale_version_is_refused() {
		long id = experiments.idea(TestData.unique("Stale"));
		long stale = experiments.version(id);
		experiments.service().plan(id, stale, TestClock.today(), TestClock.today().plusDays(30));
		assertThatThrownBy(() -> experiments.service().abandon(id, stale, "Too late", null))
			.isInstanceOf(org.waterhole.shared.StaleEditException.class);
	}

	private long at(ExperimentStatus status) {
		String title = TestData.unique(status.name());
		return switch (status) {
			case IDEA -> experiments.idea(title);
			case PLANNED -> experiments.planned(title);
			case RUNNING -> experiments.running(title, TestClock.today().minusDays(5));
			case COMPLETED -> experiments.completed(title, Outcome.SUCCEEDED, form -> {
			});
			case ABANDONED -> {
				long id = experiments.idea(title);
				experiments.service().abandon(id, experiments.version(id), "Given up", null);
				yield id;
			}
		};
	}

	private void move(long id, ExperimentStatus to) {
		ExperimentService service = experiments.service();
		long version = experiments.version(id);
		switch (to) {
			case PLANNED -> service.plan(id, version, TestClock.today(), TestClock.today().plusDays(30));
			case RUNNING -> service.start(id, version, TestClock.today());
			case COMPLETED -> service.complete(id, version, Outcome.INCONCLUSIVE, "Learned", null);
			case ABANDONED -> service.abandon(id, version, "Reason", null);
			default -> throw new IllegalArgumentException(to.name());
		}
	}

}
