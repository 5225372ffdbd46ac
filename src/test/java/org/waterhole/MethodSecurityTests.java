package org.waterhole;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.waterhole.RouteAccessTests.Access;
import org.waterhole.organization.Role;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second line of defence: every handler that changes data carries {@code @PreAuthorize},
 * and that check alone (called past the URL rules, straight on the controller bean) refuses a
 * user whose role is below what the route needs.
 */
@WaterholeTest
class MethodSecurityTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void every_mutating_handler_carries_pre_authorize() {
		List<String> unguarded = new ArrayList<>();
		mutatingHandlers().forEach((route, handler) -> {
			if (!AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
					&& !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class)) {
				unguarded.add(route);
			}
		});
		assertThat(unguarded).as("POST handlers without @PreAuthorize").isEmpty();
	}

	@Test
	void method_security_alone_refuses_a_role_below_the_route() throws Exception {
		List<String> checked = new ArrayList<>();
		for (Map.Entry<String, HandlerMethod> entry : mutatingHandlers().entrySet()) {
			Access access = RouteAccessTests.RULES.get(entry.getKey().replaceAll(" \\?.*", ""));
			if (access == null || access == Access.PUBLIC) {
				continue;
			}
			Authentication below = access == Access.STAFF
					? new AnonymousAuthenticationToken("key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))
					: new UsernamePasswordAuthenticationToken("someone", null,
							AuthorityUtils.createAuthorityList(Role.values()[Role.valueOf(access.name()).ordinal() - 1].authority()));
			SecurityContextHolder.getContext().setAuthentication(below);
			HandlerMethod handler = entry.getValue().createWithResolvedBean();
			Method method = handler.getMethod();
			try {
				method.invoke(handler.getBean(), arguments(method));
				throw new AssertionError(entry.getKey() + " ran for " + below.getAuthorities());
			}
			catch (InvocationTargetException ex) {
				assertThat(ex.getCause()).as(entry.getKey()).isInstanceOf(AccessDeniedException.class);
			}
			checked.add(entry.getKey());
		}
		assertThat(checked).as("routes checked").isNotEmpty();
	}

	private Map<String, HandlerMethod> mutatingHandlers() {
		Map<String, HandlerMethod> handlers = new java.util.TreeMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			var methods = entry.getKey().getMethodsCondition().getMethods();
			if (methods.contains(RequestMethod.POST) && !entry.getKey().getParamsCondition().getExpressions().isEmpty()) {
				for (String pattern : entry.getKey().getPatternValues()) {
					handlers.put("POST " + pattern + " ?" + entry.getKey().getParamsCondition().getExpressions(),
							entry.getValue());
				}
			}
			else if (methods.contains(RequestMethod.POST)) {
				for (String pattern : entry.getKey().getPatternValues()) {
					handlers.put("POST " + pattern, entry.getValue());
				}
			}
		}
		handlers.keySet().removeIf(route -> route.startsWith("POST /error") || route.startsWith("POST /expired"));
		return handlers;
	}

	private static Object[] arguments(Method method) {
		Class<?>[] types = method.getParameterTypes();
		Object[] arguments = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			if (types[i] == long.class) {
				arguments[i] = 0L;
			}
			else if (types[i] == int.class) {
				arguments[i] = 0;
			}
			else if (types[i] == boolean.class) {
				arguments[i] = false;
			}
		}
		return arguments;
	}

}
