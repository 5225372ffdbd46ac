package org.waterhole.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.waterhole.shared.DatabaseBreaker;

/**
 * When the database can't be reached (stopped, restarting, the network gone, a connection cut in
 * the middle of a request), the 503 page instead of a server error, and the {@link DatabaseBreaker}
 * opens, so that the next requests get it at once. Any other failure is left to the other resolvers.
 */
@Component
class DatabaseUnavailable implements HandlerExceptionResolver, Ordered {

	private final DatabaseBreaker breaker;

	DatabaseUnavailable(DatabaseBreaker breaker) {
		this.breaker = breaker;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!breaker.recordFailure(ex)) {
			return null;
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		// What WebAdvice gives every page, which a resolver's view doesn't get: the path, for the navigation.
		return new ModelAndView("error/503").addObject("currentPath", request.getRequestURI());
	}

	/** Before the controllers' own exception handlers, which would otherwise answer with a 500. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
