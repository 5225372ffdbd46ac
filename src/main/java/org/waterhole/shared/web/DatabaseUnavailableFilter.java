package org.waterhole.shared.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.waterhole.shared.DatabaseBreaker;

/**
 * The 503 page when the database can't be reached, before a request gets to its controller.
 * While the {@link DatabaseBreaker} is open, every request that needs the database is answered
 * at once, without waiting for a connection: all but the static files and the health check (which
 * says DOWN by itself), which are served without the session. Otherwise, a request whose session couldn't be read (Spring Session's filter
 * reads it from the database, ahead of Spring Security and the controllers, where
 * {@link DatabaseUnavailable} can't see the failure) gets the page too, and opens the breaker.
 * This filter sits outside Spring Session's and forwards such a request to the error page with
 * status 503; the forwarded request reaches the error page without Spring Session (its filter
 * doesn't run on forwards), so the page shows as to a visitor who is not signed in, and needs no
 * database.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER - 10)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private final DatabaseBreaker breaker;

	private final List<PathPattern> withoutDatabase;

	DatabaseUnavailableFilter(DatabaseBreaker breaker,
			@Value("${spring.mvc.static-path-pattern}") String staticFiles,
			@Value("${management.endpoints.web.base-path:/actuator}") String management) {
		this.breaker = breaker;
		this.withoutDatabase = List.of(PathPatternParser.defaultInstance.parse(staticFiles),
				PathPatternParser.defaultInstance.parse(management + "/health/**"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest passed = request;
		if (breaker.isOpen()) {
			if (needsDatabase(request)) {
				unavailable(request, response);
				return;
			}
			passed = new WithoutCookies(request);
		}
		try {
			chain.doFilter(passed, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!breaker.recordFailure(ex) || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			unavailable(request, response);
		}
	}

	private boolean needsDatabase(HttpServletRequest request) {
		PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return withoutDatabase.stream().noneMatch(pattern -> pattern.matches(path));
	}

	private static void unavailable(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.SERVICE_UNAVAILABLE.value());
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
		request.getRequestDispatcher("/error").forward(new AsGet(request), response);
	}

	/**
	 * A request for a static file or the health check while the database is away, without its
	 * cookies: with its session cookie, Spring Session would read the session from the database
	 * (Spring Security asks for it on every request), and the file would wait for a connection.
	 * Neither needs a session; they are served as to a visitor without one.
	 */
	private static final class WithoutCookies extends HttpServletRequestWrapper {

		WithoutCookies(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Cookie[] getCookies() {
			return null;
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
