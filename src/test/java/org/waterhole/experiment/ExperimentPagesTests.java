package org.waterhole.experiment;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.waterhole.organization.Role;
import org.waterhole.shared.Platform;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WaterholeTest
class ExperimentPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ExperimentsData experiments;

	@Autowired
	Experiments queries;

	@Test
	void bad_plans_come_back_field_by_field_with_the_input_kept() throws Exception {
		long department = data.department();
		mvc.perform(post("/experiments").param("title", "Kept title")
			.param("hypothesis", "")
			.param("departmentId", String.valueOf(department))
			.param("platform", "MYSPACE")
			.param("ownerEmail", "nobody-here@example.org")
			.param("impact", "11")
			.param("confidence", "0")
			.param("ease", "lots")
			.param("metricName", "Saves")
			.param("baseline", "-5")
			.param("target", "99999999999999999")
			.param("direction", "SIDEWAYS")
			.param("plannedStart", "2026-05-10")
			.param("plannedEnd", "2026-05-01")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "hypothesis", "platform", "impact", "confidence", "ease",
					"baseline", "target", "direction"))
			.andExpect(content().string(containsString("value=\"Kept title\"")))
			.andExpect(content().string(containsString("Enter at most 10.")))
			.andExpect(content().string(containsString("Enter a whole number.")))
			.andExpect(content().string(containsString("Enter 0 or more.")));
	}

	@Test
	void an_end_before_the_start_and_an_unknown_owner_are_refused_on_the_form() throws Exception {
		ExperimentForm form = experiments.form(TestData.unique("Dates"));
		mvc.perform(post("/experiments").param("title", form.getTitle())
			.param("hypothesis", form.getHypothesis())
			.param("departmentId", String.valueOf(form.getDepartmentId()))
			.param("platform", "TIKTOK")
			.param("ownerEmail", form.getOwnerEmail())
			.param("impact", "5").param("confidence", "5").param("ease", "5")
			.param("metricName", "Saves")
			.param("plannedStart", "2026-05-10")
			.param("plannedEnd", "2026-05-01")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "plannedEnd", "experiment.end.beforeStart"));
		mvc.perform(post("/experiments").param("title", form.getTitle())
			.param("hypothesis", form.getHypothesis())
			.param("departmentId", String.valueOf(form.getDepartmentId()))
			.param("platform", "TIKTOK")
			.param("ownerEmail", "nobody.at.all@example.org")
			.param("impact", "5").param("confidence", "5").param("ease", "5")
			.param("metricName", "Saves")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "ownerEmail", "experiment.owner.unknown"));
	}

	@Test
	void measurements_must_be_numbers_within_the_run() throws Exception {
		LocalDate start = TestClock.today().minusDays(10);
		long id = experiments.running(TestData.unique("Measured"), start);
		for (String[] bad : new String[][] { { start.minusDays(1).toString(), "12", "measuredOn" },
				{ TestClock.today().plusDays(1).toString(), "12", "measuredOn" },
				{ start.toString(), "-3", "value" }, { start.toString(), "1e40", "value" },
				{ start.toString(), "twelve", "value" }, { "31/02/2026", "12", "measuredOn" } }) {
			mvc.perform(post("/experiments/{id}/measurements", id).param("measuredOn", bad[0])
				.param("value", bad[1])
				.param("note", "kept note")
				.with(csrf())
				.with(data.as(Role.STRATEGIST)))
				.andExpect(status().isOk())
				.andExpect(model().attributeHasFieldErrors("measurementForm", bad[2]))
				.andExpect(content().string(containsString("value=\"kept note\"")));
		}
		assertThat(experiments.service().view(id).measurements()).isEmpty();

		mvc.perform(post("/experiments/{id}/measurements", id).param("measuredOn", start.plusDays(2).toString())
			.param("value", "14.5")
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(redirectedUrl("/experiments/" + id + "#measurements"));
		assertThat(experiments.service().view(id).measurements()).singleElement()
			.satisfies(m -> assertThat(m.value()).isEqualByComparingTo("14.5"));
	}

	@Test
	void measurements_are_edited_inline_and_deleted_and_progress_is_told_in_words() throws Exception {
		long id = experiments.running(TestData.unique("Progress"), TestClock.today().minusDays(10));
		ExperimentService service = experiments.service();
		MeasurementForm first = new MeasurementForm();
		first.setMeasuredOn(TestClock.today().minusDays(5));
		first.setValue(new BigDecimal("20"));
		service.addMeasurement(id, first);
		long measurementId = service.view(id).measurements().get(0).id();

		String page = mvc.perform(get("/experiments/{id}", id).param("edit", String.valueOf(measurementId))
			.with(data.as(Role.STRATEGIST))).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(page).select("tr.editing form input[name=value]").attr("value")).isEqualTo("20");
		// Baseline 10, target 30: 20 is half way.
		assertThat(Jsoup.parse(page).select(".progress-words").text()).contains("50% of the way to target");

		mvc.perform(post("/experiments/{id}/measurements/{m}", id, measurementId)
			.param("measuredOn", first.getMeasuredOn().toString())
			.param("value", "35.5")
			.param("version", String.valueOf(service.view(id).measurements().get(0).version()))
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(redirectedUrl("/experiments/" + id + "#measurements"));
		mvc.perform(get("/experiments/{id}", id).with(data.as(Role.STAFF)))
			.andExpect(content().string(containsString("Target reached: 128% of the way")));

		mvc.perform(post("/experiments/{id}/measurements/{m}/delete", id, measurementId)
			.param("version", String.valueOf(service.view(id).measurements().get(0).version()))
			.with(csrf())
			.with(data.as(Role.STRATEGIST)));
		assertThat(service.view(id).measurements()).isEmpty();
	}

	@Test
	void each_measurement_row_has_its_own_delete_form_with_its_token_and_shows_its_note_as_text() throws Exception {
		long id = experiments.running(TestData.unique("Rows"), TestClock.today().minusDays(10));
		ExperimentService service = experiments.service();
		for (String note : List.of("<b>bold</b> note", "plain note")) {
			MeasurementForm form = new MeasurementForm();
			form.setMeasuredOn(TestClock.today().minusDays(3));
			form.setValue(BigDecimal.TEN);
			form.setNote(note);
			service.addMeasurement(id, form);
		}
		var measurements = service.view(id).measurements();

		var page = Jsoup.parse(mvc.perform(get("/experiments/{id}", id).with(data.as(Role.STRATEGIST)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		var rows = page.select("#measurements-table tr.measurement");
		assertThat(rows).hasSize(2);
		for (int i = 0; i < rows.size(); i++) {
			var measurement = measurements.get(i);
			var forms = rows.get(i).select("form");
			assertThat(forms).hasSize(1);
			assertThat(forms.attr("method")).isEqualTo("post");
			assertThat(forms.attr("action")).isEqualTo("/experiments/" + id + "/measurements/" + measurement.id()
					+ "/delete?version=" + measurement.version());
			assertThat(forms.select("input[name=_csrf]").attr("value")).isNotEmpty();
			assertThat(forms.select("button[type=submit]")).hasSize(1);
		}
		assertThat(page.select("#measurements-table b")).isEmpty();
		assertThat(page.select("#measurements-table td").eachText()).contains("<b>bold</b> note");
	}

	@Test
	void a_bad_edit_of_a_measurement_deleted_meanwhile_is_told_it_is_gone() throws Exception {
		long id = experiments.running(TestData.unique("Gone"), TestClock.today().minusDays(10));
		MeasurementForm form = new MeasurementForm();
		form.setMeasuredOn(TestClock.today().minusDays(5));
		form.setValue(BigDecimal.ONE);
		experiments.service().addMeasurement(id, form);
		var row = experiments.service().view(id).measurements().get(0);
		experiments.service().deleteMeasurement(id, row.id(), row.version());

		// Before, the page came back with the edit form's errors on a row that no longer exists: no message at all.
		mvc.perform(post("/experiments/{id}/measurements/{m}", id, row.id()).param("measuredOn", "not a date")
			.param("value", "2")
			.param("version", String.valueOf(row.version()))
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(status().isNotFound());
	}

	@Test
	void success_rate_per_department_and_platform_on_known_data() {
		ExperimentForm template = experiments.form("template");
		long department = template.getDepartmentId();
		Experiments.Rate mastodonBefore = platformRate(queries.successRates(null), "platform.MASTODON");
		for (Outcome outcome : List.of(Outcome.SUCCEEDED, Outcome.SUCCEEDED, Outcome.FAILED, Outcome.INCONCLUSIVE)) {
			experiments.completed(TestData.unique("Rate"), outcome, form -> {
				form.setDepartmentId(department);
				form.setPlatform(Platform.MASTODON);
			});
		}
		// Open experiments of the same department and platform don't count.
		long running = experiments.idea(TestData.unique("Not counted"), form -> {
			form.setDepartmentId(department);
			form.setPlatform(Platform.MASTODON);
		});
		experiments.service().plan(running, experiments.version(running), TestClock.today(), TestClock.today().plusDays(30));
		experiments.service().start(running, experiments.version(running), TestClock.today());

		var rates = queries.successRates(null);
		String name = rates.byDepartment()
			.stream()
			.filter(r -> r.completed() == 4 && r.succeeded() == 2 && r.failed() == 1)
			.map(Experiments.Rate::name)
			.findFirst()
			.orElseThrow();
		assertThat(rates.byDepartment()).filteredOn(r -> r.name().equals(name)).singleElement().satisfies(r -> {
			assertThat(r.inconclusive()).isEqualTo(1);
			assertThat(r.percent()).isEqualTo(50);
		});
		Experiments.Rate mastodon = platformRate(rates, "platform.MASTODON");
		assertThat(mastodon.completed() - mastodonBefore.completed()).isEqualTo(4);
		assertThat(mastodon.succeeded() - mastodonBefore.succeeded()).isEqualTo(2);
		assertThat(mastodon.failed() - mastodonBefore.failed()).isEqualTo(1);
	}

	private static Experiments.Rate platformRate(Experiments.SuccessRates rates, String key) {
		return rates.byPlatform()
			.stream()
			.filter(r -> r.name().equals(key))
			.findFirst()
			.orElse(new Experiments.Rate(key, 0, 0, 0, 0));
	}

	@Test
	void the_list_sorts_by_ice_and_filters_by_text_and_status() throws Exception {
		String word = "zq" + TestData.unique("").strip();
		// Impact alone would order these the other way round.
		long low = experiments.idea(word + " low", f -> {
			f.setImpact(9);
			f.setConfidence(1);
			f.setEase(1);
		});
		long high = experiments.idea(word + " high", f -> {
			f.setImpact(2);
			f.setConfidence(10);
			f.setEase(10);
		});
		long middle = experiments.idea(word + " middle", f -> {
			f.setImpact(5);
			f.setConfidence(6);
			f.setEase(4);
		});
		ExperimentFilter filter = new ExperimentFilter();
		filter.setQ(word);
		var sorted = queries.page(filter, ExperimentController.SORT.apply(
				org.springframework.data.domain.PageRequest.of(0, 10, org.springframework.data.domain.Sort.by(
						org.springframework.data.domain.Sort.Order.desc("ice")))));
		assertThat(sorted.getContent()).extracting(ExperimentRow::id).containsExactly(high, middle, low);
		assertThat(sorted.getContent()).extracting(ExperimentRow::iceScore)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("7.33"), new BigDecimal("5.00"), new BigDecimal("3.67"));

		String html = mvc.perform(get("/experiments").param("q", word).param("sort", "ice,asc")
			.with(data.as(Role.STAFF))).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(html).select("table tbody tr td:first-child a").eachText())
			.containsExactly(word + " low", word + " middle", word + " high");
		filter.setStatus(ExperimentStatus.RUNNING);
		assertThat(queries.page(filter, org.springframework.data.domain.PageRequest.of(0, 10))).isEmpty();
	}

	@Test
	void learnings_come_newest_first() {
		long older = experiments.completed(TestData.unique("Older lesson"), Outcome.FAILED, f -> {
		});
		long newer = experiments.completed(TestData.unique("Newer lesson"), Outcome.SUCCEEDED, f -> {
		});
		// Both ended today: the newer one was finished last, so it comes first among them.
		List<Long> ids = queries.learnings(org.springframework.data.domain.PageRequest.of(0, 100))
			.getContent()
			.stream()
			.map(ExperimentRow::id)
			.toList();
		assertThat(ids).contains(newer, older);
		assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(older));
		List<LocalDate> ends = queries.learnings(org.springframework.data.domain.PageRequest.of(0, 100))
			.getContent()
			.stream()
			.map(ExperimentRow::actualEnd)
			.toList();
		assertThat(ends).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void a_completed_experiment_keeps_what_its_result_was_measured_against() throws Exception {
		long id = experiments.completed(TestData.unique("Frozen"), Outcome.SUCCEEDED, f -> {
		});
		ExperimentForm form = experiments.service().form(id);
		ExperimentView before = experiments.service().view(id);
		mvc.perform(post("/experiments/{id}", id).param("title", "Renamed after the fact")
			.param("hypothesis", form.getHypothesis())
			.param("departmentId", String.valueOf(data.department()))
			.param("platform", "X")
			.param("ownerEmail", form.getOwnerEmail())
			.param("impact", "5").param("confidence", "5").param("ease", "5")
			.param("metricName", "Something else")
			.param("baseline", "100").param("target", "50").param("direction", "DOWN")
			.param("actualStart", form.getActualStart().toString())
			.param("actualEnd", form.getActualEnd().toString())
			.param("version", String.valueOf(form.getVersion()))
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(redirectedUrl("/experiments/" + id));
		ExperimentView after = experiments.service().view(id);
		assertThat(after.title()).isEqualTo("Renamed after the fact");
		assertThat(after.departmentId()).isEqualTo(before.departmentId());
		assertThat(after.platform()).isEqualTo(before.platform());
		assertThat(after.metricName()).isEqualTo(before.metricName());
		assertThat(after.direction()).isEqualTo(Direction.UP);

		form = experiments.service().form(id);
		mvc.perform(post("/experiments/{id}", id).param("title", form.getTitle())
			.param("hypothesis", form.getHypothesis())
			.param("departmentId", String.valueOf(form.getDepartmentId()))
			.param("platform", form.getPlatform().name())
			.param("ownerEmail", form.getOwnerEmail())
			.param("impact", "5").param("confidence", "5").param("ease", "5")
			.param("metricName", form.getMetricName())
			.param("actualStart", form.getActualStart().toString())
			.param("actualEnd", TestClock.today().plusYears(1).toString())
			.param("version", String.valueOf(form.getVersion()))
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "actualEnd", "experiment.end.future"));
	}

	@Test
	void the_target_lies_the_way_the_direction_says_and_progress_follows_it() throws Exception {
		ExperimentForm form = experiments.form(TestData.unique("Direction"));
		mvc.perform(post("/experiments").param("title", form.getTitle())
			.param("hypothesis", form.getHypothesis())
			.param("departmentId", String.valueOf(form.getDepartmentId()))
			.param("platform", "X")
			.param("ownerEmail", form.getOwnerEmail())
			.param("impact", "5").param("confidence", "5").param("ease", "5")
			.param("metricName", "Hours to answer")
			.param("baseline", "10").param("target", "30").param("direction", "DOWN")
			.with(csrf())
			.with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "target", "experiment.target.notBelow"));

		long id = experiments.idea(TestData.unique("Faster answers"), f -> {
			f.setMetricName("Hours to answer");
			f.setBaseline(new BigDecimal("20"));
			f.setTarget(new BigDecimal("5"));
			f.setDirection(Direction.DOWN);
		});
		experiments.service().plan(id, experiments.version(id), TestClock.today(), TestClock.today().plusDays(30));
		experiments.service().start(id, experiments.version(id), TestClock.today().minusDays(3));
		MeasurementForm m = new MeasurementForm();
		m.setMeasuredOn(TestClock.today());
		m.setValue(new BigDecimal("14"));
		experiments.service().addMeasurement(id, m);
		// From 20 down to 14, aiming at 5: 6 of 15 hours, 40% of the way.
		assertThat(experiments.service().view(id).progressPercent()).isEqualTo(40);
		m.setValue(new BigDecimal("1000000000000"));
		m.setMeasuredOn(TestClock.today().minusDays(1));
		experiments.service().updateMeasurement(id, experiments.service().view(id).measurements().get(0).id(),
				withVersion(m, experiments.service().view(id).measurements().get(0).version()));
		mvc.perform(get("/experiments/{id}", id).with(data.as(Role.STAFF)))
			.andExpect(content().string(containsString("more than 999% the wrong way")));
	}

	private static MeasurementForm withVersion(MeasurementForm form, long version) {
		form.setVersion(version);
		return form;
	}

	@Test
	void staff_never_get_the_measurement_edit_form_and_a_stale_delete_is_refused() throws Exception {
		long id = experiments.running(TestData.unique("Guarded"), TestClock.today().minusDays(3));
		MeasurementForm m = new MeasurementForm();
		m.setMeasuredOn(TestClock.today());
		m.setValue(BigDecimal.TEN);
		experiments.service().addMeasurement(id, m);
		var row = experiments.service().view(id).measurements().get(0);
		String html = mvc.perform(get("/experiments/{id}", id).param("edit", String.valueOf(row.id()))
			.with(data.as(Role.STAFF))).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(html).select("tr.editing form")).isEmpty();

		mvc.perform(post("/experiments/{id}/measurements/{m}/delete", id, row.id()).param("version", "99")
			.with(csrf())
			.with(data.as(Role.STRATEGIST))).andExpect(redirectedUrl("/experiments/" + id + "#measurements"));
		assertThat(experiments.service().view(id).measurements()).hasSize(1);
	}

	@Test
	void the_csv_export_round_trips_awkward_text_and_neutralises_formulas() throws Exception {
		String word = "zq" + TestData.unique("").strip();
		String title = "=HYPERLINK(\"http://evil\"), \"quoted\"; naïve – 日本 " + word;
		experiments.idea(title, f -> f.setHypothesis("Line one,\nline two with \"quotes\" and ünïcode"));
		experiments.idea("+cmd " + word, f -> f.setHypothesis("-2+3 at the start"));
		experiments.idea("@SUM(A1) " + word, f -> f.setHypothesis("\tTabbed"));
		byte[] body = mvc.perform(get("/experiments/export.csv").param("q", word).with(data.as(Role.MANAGER)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(body, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		List<CSVRecord> records = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(text.substring(1)))
			.getRecords();
		assertThat(records).hasSize(3);
		assertThat(records).filteredOn(r -> r.get("title").contains("HYPERLINK")).singleElement().satisfies(record -> {
			assertThat(record.get("title")).isEqualTo("'" + title);
			assertThat(record.get("hypothesis")).isEqualTo("Line one,\nline two with \"quotes\" and ünïcode");
			assertThat(record.get("status")).isEqualTo("Idea");
			assertThat(record.get("ice")).isEqualTo("5");
		});
		assertThat(records).extracting(r -> r.get("title"))
			.contains("'+cmd " + word, "'@SUM(A1) " + word);
		assertThat(records).extracting(r -> r.get("hypothesis")).contains("'-2+3 at the start", "'\tTabbed");
	}

	@Test
	void staff_may_not_export() throws Exception {
		mvc.perform(get("/experiments/export.csv").with(data.as(Role.STAFF))).andExpect(status().isForbidden());
	}

	@Test
	void a_completed_experiment_becomes_a_draft_internal_result_case_study() throws Exception {
		long id = experiments.completed(TestData.unique("Evidence"), Outcome.SUCCEEDED, f -> {
		});
		var result = mvc.perform(post("/experiments/{id}/case-study", id).with(csrf()).with(data.as(Role.STRATEGIST)))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).matches("/library/\\d+/edit");
		mvc.perform(get(location).with(data.as(Role.STRATEGIST)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Internal result: ")))
			.andExpect(content().string(containsString("selected=\"selected\">Internal result")));
		// Asking again opens the same draft rather than writing another.
		mvc.perform(post("/experiments/{id}/case-study", id).with(csrf()).with(data.as(Role.STRATEGIST)))
			.andExpect(redirectedUrl(location));

		long longOne = experiments.completed("L".repeat(200), Outcome.FAILED, f -> f.setHypothesis("H".repeat(4000)));
		mvc.perform(post("/experiments/{id}/case-study", longOne).with(csrf()).with(data.as(Role.STRATEGIST)))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void the_board_learnings_and_success_pages_answer() throws Exception {
		for (String path : List.of("/experiments/board", "/experiments/learnings", "/experiments/success",
				"/experiments/success?period=12m")) {
			mvc.perform(get(path).with(data.as(Role.STAFF))).andExpect(status().isOk());
		}
	}

	@Test
	void the_list_narrows_to_experiments_running_past_their_planned_end() throws Exception {
		String word = TestData.unique("Overrun");
		long late = experiments.overdue(word + " late");
		long onTime = experiments.running(word + " on time", TestClock.today().minusDays(5));
		experiments.idea(word + " idea");

		String page = mvc.perform(get("/experiments").param("overdue", "true").param("q", word)
			.with(data.as(Role.STAFF))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(Jsoup.parse(page).select("a[href^=/experiments/]").eachAttr("href"))
			.contains("/experiments/" + late)
			.doesNotContain("/experiments/" + onTime);
		assertThat(Jsoup.parse(page).selectFirst("input#overdue").hasAttr("checked")).isTrue();
		String all = mvc.perform(get("/experiments").param("q", word).with(data.as(Role.STAFF)))
			.andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(all).select("a[href^=/experiments/]").eachAttr("href"))
			.contains("/experiments/" + late, "/experiments/" + onTime);
	}

}
