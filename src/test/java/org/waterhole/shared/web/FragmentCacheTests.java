package org.waterhole.shared.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kept HTML goes only to a request with the same model and roles; a fragment with a form is never kept. */
@WaterholeTest
class FragmentCacheTests {

	@Autowired
	FragmentCache fragments;

	@Autowired
	ServletContext servletContext;

	@BeforeEach
	void aRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "GET", "/test");
		request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "secret-token"));
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, new MockHttpServletResponse()));
		signedInAs("ROLE_STAFF");
	}

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
		SecurityContextHolder.clearContext();
	}

	@Test
	void the_same_model_for_the_same_roles_gets_the_kept_html() {
		String first = fragments.render("test/fragment-cache :: rows", Map.of("rows", List.of("one", "two")));
		String again = fragments.render("test/fragment-cache :: rows", Map.of("rows", List.of("one", "two")));

		assertThat(first).contains("<li>one</li>", "<li>two</li>", "ROLE_STAFF");
		assertThat(again).isSameAs(first);
	}

	@Test
	void another_model_or_other_roles_get_their_own_html() {
		String staff = fragments.render("test/fragment-cache :: rows", Map.of("rows", List.of("one")));
		String changed = fragments.render("test/fragment-cache :: rows", Map.of("rows", List.of("one, changed")));
		signedInAs("ROLE_STRATEGIST");
		String strategist = fragments.render("test/fragment-cache :: rows", Map.of("rows", List.of("one")));

		assertThat(changed).contains("<li>one, changed</li>");
		assertThat(strategist).contains("ROLE_STRATEGIST").doesNotContain("ROLE_STAFF");
		assertThat(staff).contains("ROLE_STAFF");
	}

	@Test
	void kept_html_is_escaped_as_the_page_would_be() {
		String html = fragments.render("test/fragment-cache :: rows", Map.of("rows", List.of("<script>alert(1)</script>")));

		assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
	}

	@Test
	void a_fragment_with_a_form_carries_the_viewers_token_and_is_refused() {
		assertThatThrownBy(() -> fragments.render("test/fragment-cache :: form", Map.of()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("CSRF");
	}

	private static void signedInAs(String role) {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("someone", null, role));
	}

}
