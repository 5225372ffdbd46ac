package org.waterhole.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;
import org.waterhole.casestudy.CaseStudies;
import org.waterhole.champion.ChampionsData;
import org.waterhole.experiment.ExperimentsData;

/**
 * The whole application on a random port, against the JVM's embedded PostgreSQL, with the demo
 * organisation loaded and {@link TestData} to make each test's own rows, on the {@link TestClock}. Every test class with
 * this annotation shares one Spring context. Requests go through {@code MockMvc} or, where the
 * real servlet container matters (error pages, sessions), over HTTP to {@code local.server.port}.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "waterhole.demo.enabled=true", TestClockConfiguration.TIME_ZONE })
@AutoConfigureMockMvc
@TestExecutionListeners(listeners = { ClearCaches.class, ResetTestClock.class }, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
@Import({ EmbeddedDatabaseConfiguration.class, TestClockConfiguration.class, Statements.class, Overlap.class, TestData.class,
		CaseStudies.class, ExperimentsData.class, ChampionsData.class })
public @interface WaterholeTest {

}
