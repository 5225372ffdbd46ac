package org.waterhole;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.Test;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.AopTestUtils;
import org.springframework.util.ClassUtils;
import org.springframework.transaction.support.TransactionTemplate;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.casestudy.CaseStudyPublished;
import org.waterhole.champion.ChampionJoined;
import org.waterhole.champion.ChampionLeft;
import org.waterhole.champion.ChampionMoved;
import org.waterhole.champion.ChampionStatus;
import org.waterhole.experiment.ExperimentAbandoned;
import org.waterhole.experiment.ExperimentCompleted;
import org.waterhole.experiment.ExperimentRunCorrected;
import org.waterhole.experiment.ExperimentStarted;
import org.waterhole.experiment.Outcome;
import org.waterhole.organization.PersonErased;
import org.waterhole.shared.Platform;
import org.waterhole.shared.ScheduledJobs;
import org.waterhole.support.TestClock;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduled retry of incomplete events ({@link ScheduledJobs#retryIncompleteEvents}) heals
 * a listener that failed, without a restart, for every listener between modules. Each
 * {@code @ApplicationModuleListener} of the application is found in the context; the first
 * delivery to each fails (a test advisor around every such method), its publication stays
 * incomplete and its effect absent; once the publications are older than
 * {@code waterhole.events.retry-after} one run of the job delivers them all again, and each
 * listener's effect is in the database. A listener without a case here fails the test.
 */
@WaterholeTest
@Import(IncompleteEventsRetryTests.FailingFirstDeliveries.class)
@TestPropertySource(properties = "waterhole.events.retry-after=PT1S")
@DirtiesContext
class IncompleteEventsRetryTests {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	private static final AtomicLong SUBJECTS = new AtomicLong(-System.currentTimeMillis());

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestData data;

	@Autowired
	CaseStudies caseStudies;

	@Autowired
	ScheduledJobs jobs;

	@Autowired
	FailingFirstDeliveries failing;

	/** What a listener receives, how its publication is recognised, and what it leaves behind. */
	record Case(Object event, String marker, String effect, Map<String, Object> params, long before, long after) {
	}

	@Test
	void the_retry_job_delivers_again_to_every_listener_whose_first_delivery_failed() {
		Map<String, Case> cases = cases();
		assertThat(cases.keySet()).as("a case for every @ApplicationModuleListener (listener ids)")
			.containsExactlyInAnyOrderElementsOf(listeners());
		Instant start = Instant.now();
		awaitNothingIncompleteSince(start.minusSeconds(60));

		failing.arm();
		cases.values().forEach(each -> transaction.executeWithoutResult(status -> events.publishEvent(each.event())));
		await().atMost(Duration.ofSeconds(30)).until(() -> failing.failed().containsAll(cases.keySet()));
		cases.forEach((listener, each) -> {
			assertThat(publications(listener, each, false)).as("incomplete after failing: " + listener).isEqualTo(1);
			assertThat(effect(each)).as("no effect yet: " + listener).isEqualTo(each.before());
		});

		await().atMost(Duration.ofSeconds(30))
			.until(() -> cases.entrySet().stream().allMatch(e -> olderThanRetryAfter(e.getKey(), e.getValue())));
		AopTestUtils.<ScheduledJobs>getUltimateTargetObject(jobs).retryIncompleteEvents();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> cases.forEach((listener, each) -> {
			assertThat(publications(listener, each, true)).as("completed by the retry: " + listener).isEqualTo(1);
			assertThat(effect(each)).as("its effect: " + listener).isEqualTo(each.after());
		}));
		assertThat(failing.failed()).as("each failed once, the second delivery went through").hasSameSizeAs(cases.keySet());
	}

	/** Every listener between modules in the context, by the id the publication registry uses. */
	private Set<String> listeners() {
		Set<String> ids = new TreeSet<>();
		for (String name : context.getBeanDefinitionNames()) {
			Class<?> type = context.getBeanFactory().getType(name);
			if (type == null) {
				continue;
			}
			MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
					(MethodIntrospector.MetadataLookup<Boolean>) method -> AnnotatedElementUtils
						.hasAnnotation(method, ApplicationModuleListener.class) ? true : null)
				.keySet()
				.forEach(method -> ids.add(listenerId(method)));
		}
		return ids;
	}

	/** Spring's default id of a listener method: its class, name and parameter types. */
	static String listenerId(Method method) {
		return method.getDeclaringClass().getName() + "." + method.getName() + "("
				+ Arrays.stream(method.getParameterTypes()).map(Class::getName).collect(Collectors.joining(",")) + ")";
	}

	private Map<String, Case> cases() {
		long department = data.department();
		long other = data.department();
		LocalDate today = TestClock.today();
		Map<String, Case> cases = new LinkedHashMap<>();
		long study = SUBJECTS.decrementAndGet();
		adoption(cases, "on", new CaseStudyPublished(study, TestData.unique("Retried study"), Set.of(department),
				TestClock.now()), "caseStudyId", study, "CASE_STUDY_PUBLISHED");
		long started = SUBJECTS.decrementAndGet();
		adoption(cases, "on", new ExperimentStarted(started, TestData.unique("Retried start"), department,
				Platform.LINKEDIN, today, 1), "experimentId", started, "EXPERIMENT_STARTED");
		long completed = SUBJECTS.decrementAndGet();
		adoption(cases, "on", new ExperimentCompleted(completed, TestData.unique("Retried end"), department,
				Platform.LINKEDIN, Outcome.SUCCEEDED, today.minusDays(9), today, 2), "experimentId", completed,
				"EXPERIMENT_COMPLETED");
		long abandoned = SUBJECTS.decrementAndGet();
		adoption(cases, "on", new ExperimentAbandoned(abandoned, TestData.unique("Retried abandon"), department,
				Platform.LINKEDIN, today.minusDays(3), today, 2), "experimentId", abandoned, "EXPERIMENT_ABANDONED");
		long corrected = SUBJECTS.decrementAndGet();
		adoption(cases, "on", new ExperimentRunCorrected(corrected, TestData.unique("Retried fix"), department,
				today.minusDays(5), today.minusDays(1), Outcome.FAILED, today, 3), "experimentId", corrected,
				"EXPERIMENT_RUN_CORRECTED");
		champions(cases, department, other, today);
		erasure(cases, department);
		return cases;
	}

	private void champions(Map<String, Case> cases, long department, long other, LocalDate today) {
		long person = data.person(department);
		long joined = SUBJECTS.decrementAndGet();
		adoption(cases, "on", new ChampionJoined(joined, person, department, TestData.unique("Joined"), today, 1),
				"championId", joined, "CHAMPION_JOINED");
		long left = SUBJECTS.decrementAndGet();
		adoption(cases, "on", new ChampionLeft(left, person, department, TestData.unique("Left"),
				ChampionStatus.ALUMNI, today, 2), "championId", left, "CHAMPION_LEFT");
		long moved = SUBJECTS.decrementAndGet();
		adoption(cases, "on", new ChampionMoved(moved, person, department, other, TestData.unique("Moved"), today, 3),
				"championId", moved, "CHAMPION_MOVED");
	}

	/** An event the adoption timeline records: its entry appears, once. */
	private static void adoption(Map<String, Case> cases, String method, Object event, String idField, long subject,
			String kind) {
		cases.put("org.waterhole.adoption.AdoptionRecorder." + method + "(" + event.getClass().getName() + ")",
				new Case(event, "\"" + idField + "\":" + subject + ",",
						"select count(*) from adoption_event where kind = :kind and subject_id = :subject",
						Map.of("kind", kind, "subject", subject), 0, 1));
	}

	/** An erased person's named readings are folded into counts: none of theirs is left. */
	private void erasure(Map<String, Case> cases, long department) {
		long person = data.person(department);
		long study = caseStudies.published(TestData.unique("Read before the erasure"));
		jdbc.sql("""
				insert into case_study_reading (case_study_id, person_id, department_id, read_at)
				values (:study, :person, :department, :at)
				""")
			.param("study", study)
			.param("person", person)
			.param("department", department)
			.param("at", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1))
			.update();
		cases.put("org.waterhole.casestudy.ReadingRetention.on(" + PersonErased.class.getName() + ")",
				new Case(new PersonErased(person, department, TestClock.now()), "\"personId\":" + person + ",",
						"select count(*) from case_study_reading where person_id = :person", Map.of("person", person),
						1, 0));
	}

	private long effect(Case each) {
		return jdbc.sql(each.effect()).params(each.params()).query(Long.class).single();
	}

	private long publications(String listener, Case each, boolean completed) {
		return jdbc.sql("""
				select count(*) from event_publication
				where listener_id = :listener and serialized_event like :marker
				  and (completion_date is not null) = :completed
				""")
			.param("listener", listener)
			.param("marker", "%" + each.marker() + "%")
			.param("completed", completed)
			.query(Long.class)
			.single();
	}

	private boolean olderThanRetryAfter(String listener, Case each) {
		return jdbc.sql("""
				select count(*) from event_publication
				where listener_id = :listener and serialized_event like :marker and publication_date < :cutoff
				""")
			.param("listener", listener)
			.param("marker", "%" + each.marker() + "%")
			.param("cutoff", OffsetDateTime.now(ZoneOffset.UTC).minus(RETRY_AFTER))
			.query(Long.class)
			.single() == 1;
	}

	/** The setup's own events (the case study published above) are delivered before failures start. */
	private void awaitNothingIncompleteSince(Instant since) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("""
					select count(*) from event_publication where completion_date is null and publication_date > :since
					""").param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).query(Long.class).single() == 0);
	}

	/**
	 * Around every {@code @ApplicationModuleListener} method: once armed, the first call to each
	 * listener fails (as a listener does when the database hiccups); later calls go through.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class FailingFirstDeliveries {

		private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

		private static volatile boolean armed;

		void arm() {
			FAILED.clear();
			armed = true;
		}

		/** The listeners whose first delivery failed since {@link #arm()}. */
		Set<String> failed() {
			return Set.copyOf(FAILED);
		}

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static AbstractPointcutAdvisor firstDeliveryFails() {
			return new AbstractPointcutAdvisor() {

				@Override
				public Pointcut getPointcut() {
					return AnnotationMatchingPointcut.forMethodAnnotation(ApplicationModuleListener.class);
				}

				@Override
				public Advice getAdvice() {
					return (MethodInterceptor) FailingFirstDeliveries::invoke;
				}

			};
		}

		private static Object invoke(MethodInvocation invocation) throws Throwable {
			if (armed && FAILED.add(listenerId(invocation.getMethod()))) {
				throw new IllegalStateException("the first delivery fails (a test's advisor)");
			}
			return invocation.proceed();
		}

	}

}
