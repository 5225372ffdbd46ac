package org.waterhole.experiment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.springframework.boot.test.context.TestComponent;
import org.waterhole.shared.Platform;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;

/** Makes experiments for tests through the module's own service, at the status a test needs. */
@TestComponent
public class ExperimentsData {

	private final ExperimentService service;

	private final TestData data;

	ExperimentsData(ExperimentService service, TestData data) {
		this.service = service;
		this.data = data;
	}

	public ExperimentService service() {
		return service;
	}

	ExperimentForm form(String title) {
		ExperimentForm form = new ExperimentForm();
		form.setTitle(title);
		form.setHypothesis("If we try " + title + ", then more people will engage, because it is new.");
		form.setDepartmentId(data.department());
		form.setPlatform(Platform.INSTAGRAM);
		String owner = TestData.unique("Owner");
		data.person(owner, null);
		form.setOwnerEmail(TestData.email(owner));
		form.setImpact(5);
		form.setConfidence(5);
		form.setEase(5);
		form.setMetricName("Saves per post");
		form.setMetricUnit("saves");
		form.setBaseline(new BigDecimal("10"));
		form.setTarget(new BigDecimal("30"));
		form.setDirection(Direction.UP);
		return form;
	}

	public long idea(String title, Consumer<ExperimentForm> changes) {
		ExperimentForm form = form(title);
		changes.accept(form);
		return service.create(form);
	}

	public long idea(String title) {
		return idea(title, form -> {
		});
	}

	public long planned(String title) {
		long id = idea(title);
		service.plan(id, version(id), TestClock.today(), TestClock.today().plusDays(30));
		return id;
	}

	/** Planned, then started on {@code startedOn}. */
	public long running(String title, LocalDate startedOn) {
		long id = planned(title);
		service.start(id, version(id), startedOn);
		return id;
	}

	public long completed(String title, Outcome outcome, Consumer<ExperimentForm> changes) {
		long id = idea(title, changes);
		service.plan(id, version(id), TestClock.today(), TestClock.today().plusDays(30));
		service.start(id, version(id), TestClock.today().minusDays(30));
		service.complete(id, version(id), outcome, "We learned something about " + title + ".", TestClock.today());
		return id;
	}

	/** Running since two months ago, past the planned end of ten days ago. */
	public long overdue(String title) {
		long id = idea(title);
		service.plan(id, version(id), TestClock.today().minusDays(60), TestClock.today().minusDays(10));
		service.start(id, version(id), TestClock.today().minusDays(60));
		return id;
	}

	/** Started in {@code departmentId} on {@code on}. */
	public long startedIn(long departmentId, String title, LocalDate on) {
		long id = idea(title, form -> form.setDepartmentId(departmentId));
		service.plan(id, version(id), TestClock.today(), TestClock.today().plusDays(30));
		service.start(id, version(id), on);
		return id;
	}

	public void complete(long id, Outcome outcome, LocalDate on) {
		service.complete(id, version(id), outcome, "We learned something.", on);
	}

	public void abandon(long id, LocalDate on) {
		service.abandon(id, version(id), "Nobody had the time.", on);
	}

	/** Corrects when a started experiment ran, as the strategist does on its edit form. */
	public void correctRun(long id, LocalDate start, LocalDate end) {
		ExperimentForm form = service.form(id);
		form.setActualStart(start);
		form.setActualEnd(end);
		service.update(id, form);
	}

	long version(long id) {
		return service.form(id).getVersion();
	}

}
