package org.waterhole;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every job run at set times (a cron) runs at them in the application's time zone
 * ({@code waterhole.time-zone}), as the clock that dates everything, not in the server's.
 */
class ScheduledZoneTests {

	private static final String ZONE = "${waterhole.time-zone:}";

	@Test
	void every_cron_job_runs_in_the_application_s_time_zone() throws Exception {
		List<String> crons = new ArrayList<>();
		List<String> withoutZone = new ArrayList<>();
		for (Method method : scheduledMethods()) {
			for (Scheduled scheduled : AnnotatedElementUtils.findMergedRepeatableAnnotations(method, Scheduled.class)) {
				if (!scheduled.cron().isEmpty()) {
					String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
					crons.add(name);
					if (!ZONE.equals(scheduled.zone())) {
						withoutZone.add(name);
					}
				}
			}
		}
		assertThat(crons).contains("ReaderListViewPurge.purge", "ReadingRetentionJob.foldExpired");
		assertThat(withoutZone).isEmpty();
	}

	private static List<Method> scheduledMethods() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*")));
		List<Method> methods = new ArrayList<>();
		for (var candidate : scanner.findCandidateComponents("org.waterhole")) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), ScheduledZoneTests.class.getClassLoader());
			for (Method method : type.getDeclaredMethods()) {
				if (AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)) {
					methods.add(method);
				}
			}
		}
		return methods;
	}

}
