package org.waterhole.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.DepartmentOption;
import org.waterhole.organization.DepartmentService;
import org.waterhole.organization.OrganizationDemoData;
import org.waterhole.shared.Platform;

/**
 * The demo experiments of {@code demo/experiments.yaml}: every status, with measurement series
 * that tell the story of their outcome. Each is taken through its lifecycle by the service, as
 * the strategist would, on the dates the file gives. Loaded once, after the demo library.
 */
@Component
@ConditionalOnBooleanProperty("waterhole.demo.enabled")
@Order(ExperimentDemoData.ORDER)
class ExperimentDemoData implements ApplicationRunner {

	static final int ORDER = OrganizationDemoData.ORDER + 20;

	private static final Logger log = LoggerFactory.getLogger(ExperimentDemoData.class);

	/** The demo people who own experiments, by name. */
	private static final Map<String, String> OWNERS = Map.of("Sam Rivera", OrganizationDemoData.STRATEGIST_EMAIL,
			"Dana Okafor", OrganizationDemoData.MANAGER_EMAIL, "Lee Chen", OrganizationDemoData.STAFF_EMAIL);

	private final ExperimentService service;

	private final ExperimentRepository repository;

	private final DepartmentService departments;

	private final Clock clock;

	ExperimentDemoData(ExperimentService service, ExperimentRepository repository, DepartmentService departments,
			Clock clock) {
		this.clock = clock;
		this.service = service;
		this.repository = repository;
		this.departments = departments;
	}

	@Override
	@Transactional
	@SuppressWarnings("unchecked")
	public void run(ApplicationArguments args) {
		if (repository.count() > 0) {
			return;
		}
		Map<String, Long> departmentIds = departments.options()
			.stream()
			.collect(Collectors.toMap(DepartmentOption::getName, DepartmentOption::getId));
		List<Map<String, Object>> entries = entries();
		int measurements = 0;
		for (Map<String, Object> entry : entries) {
			Map<String, Object> metric = (Map<String, Object>) entry.get("metric");
			ExperimentForm form = new ExperimentForm();
			form.setTitle((String) entry.get("title"));
			form.setHypothesis((String) entry.get("hypothesis"));
			form.setDepartmentId(departmentIds.get((String) entry.get("department")));
			form.setPlatform(Platform.valueOf((String) entry.get("platform")));
			form.setOwnerEmail(OWNERS.get((String) entry.get("owner")));
			form.setImpact((Integer) entry.get("impact"));
			form.setConfidence((Integer) entry.get("confidence"));
			form.setEase((Integer) entry.get("ease"));
			form.setPlannedStart(date(entry.get("plannedStart")));
			form.setPlannedEnd(date(entry.get("plannedEnd")));
			form.setMetricName((String) metric.get("name"));
			form.setMetricUnit((String) metric.get("unit"));
			form.setBaseline(number(metric.get("baseline")));
			form.setTarget(number(metric.get("target")));
			form.setDirection(Direction.valueOf((String) metric.get("direction")));
			long id = service.create(form);

			ExperimentStatus status = ExperimentStatus.valueOf((String) entry.get("status"));
			LocalDate started = date(entry.get("actualStart"));
			if (status != ExperimentStatus.IDEA && !(status == ExperimentStatus.ABANDONED && started == null
					&& entry.get("plannedStart") == null)) {
				// Planned on its dates; an experiment on record without them, on the day it started.
				LocalDate plannedStart = form.getPlannedStart() != null ? form.getPlannedStart()
						: started != null ? started : LocalDate.now(clock);
				LocalDate plannedEnd = form.getPlannedEnd() != null && !form.getPlannedEnd().isBefore(plannedStart)
						? form.getPlannedEnd() : plannedStart.plusDays(30);
				service.plan(id, version(id), plannedStart, plannedEnd);
			}
			if (started != null) {
				service.start(id, version(id), started);
				for (Map<String, Object> point : (List<Map<String, Object>>) entry.getOrDefault("measurements", List.of())) {
					MeasurementForm measurement = new MeasurementForm();
					measurement.setMeasuredOn(date(point.get("on")));
					measurement.setValue(number(point.get("value")));
					measurement.setNote((String) point.get("note"));
					service.addMeasurement(id, measurement);
					measurements++;
				}
			}
			if (status == ExperimentStatus.COMPLETED) {
				service.complete(id, version(id), Outcome.valueOf((String) entry.get("outcome")),
						(String) entry.get("learnings"), date(entry.get("actualEnd")));
			}
			else if (status == ExperimentStatus.ABANDONED) {
				service.abandon(id, version(id), (String) entry.get("abandonReason"), date(entry.get("actualEnd")));
			}
		}
		log.info("Loaded the demo experiments: {} experiments, {} measurements", entries.size(), measurements);
	}

	/** The version after the changes so far are written (all of this runs in one transaction). */
	private long version(long id) {
		repository.flush();
		return service.form(id).getVersion();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> entries() {
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		try (InputStream in = new ClassPathResource("demo/experiments.yaml").getInputStream()) {
			return (List<Map<String, Object>>) yaml.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static LocalDate date(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Date date) {
			return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
		}
		return LocalDate.parse(value.toString());
	}

	private static BigDecimal number(Object value) {
		return value == null ? null : new BigDecimal(value.toString());
	}

}
