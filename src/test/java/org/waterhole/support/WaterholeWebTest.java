package org.waterhole.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.waterhole.shared.DatabaseBreaker;
import org.waterhole.shared.format.Formats;
import org.waterhole.shared.security.SecurityConfiguration;
import org.waterhole.shared.security.SignInThrottle;
import org.waterhole.shared.web.EditConflicts;
import org.waterhole.shared.web.PageLinks;

/**
 * A web slice: the named controllers with the real security configuration, layout helpers and
 * templates, and no database; the controllers' services are mocked by the test, and the
 * sign-in throttle (whose counts are in the database) never pauses, and the session store (in
 * the database too) and the database breaker are mocks: sessions live in the servlet container,
 * and the breaker never opens. "Now" is the {@link TestClock}. Import the module's
 * {@code UrlRules} configuration along with it.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(properties = TestClockConfiguration.TIME_ZONE)
@TestExecutionListeners(listeners = ResetTestClock.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
@Import({ SecurityConfiguration.class, TestClockConfiguration.class, Formats.class, PageLinks.class, EditConflicts.class })
@MockitoBean(types = { SignInThrottle.class, FindByIndexNameSessionRepository.class, DatabaseBreaker.class })
public @interface WaterholeWebTest {

	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

}
