package org.waterhole.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.waterhole.shared.DatabaseOutage;

/**
 * The 503 page when the database can't be reached before a request gets to its controller:
 * sessions are read from the database by Spring Session's filter, ahead of Spring Security and
 * the controllers, where {@link DatabaseUnavailable} can't see the failure. This filter sits
 * outside Spring Session's and forwards such a request to the error page with status 503; the
 * forwarded request reaches the error page without Spring Session (its filter doesn't run on
 * forwards), so the page shows as to a visitor who is not signed in, and needs no database.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER - 10)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!DatabaseOutage.causedBy(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("The database is unavailable ({} {}): {}", request.getMethod(), request.getRequestURI(),
					ex.toString());
			response.reset();
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.SERVICE_UNAVAILABLE.value());
			request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
			request.getRequestDispatcher("/error").forward(new AsGet(request), response);
		}
	}

	/**
	 * The failed request as the error page reads it: a GET, so that a form sent while the
	 * database was away gets the 503 page too, not a refusal for a CSRF token that lives in the
	 * session nobody could read.
	 */
	private static final class AsGet extends HttpServletRequestWrapper {

		AsGet(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return HttpMethod.GET.name();
		}

	}

}
