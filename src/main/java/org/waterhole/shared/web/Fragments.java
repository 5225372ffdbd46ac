package org.waterhole.shared.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Renders a template fragment to text, through the application's Thymeleaf view resolver with
 * the page's model and request (so messages, links and formats are as on the page), for a page
 * that keeps the HTML of a costly part and puts it back with {@code th:utext}.
 */
@Component
public class Fragments {

	private final ThymeleafViewResolver views;

	Fragments(ThymeleafViewResolver views) {
		this.views = views;
	}

	/** The HTML of {@code fragment}, such as {@code "adoption/dashboard :: figures"}. */
	public String render(String fragment, Map<String, ?> model, HttpServletRequest request,
			HttpServletResponse response) {
		StringWriter html = new StringWriter();
		try {
			View view = views.resolveViewName(fragment, RequestContextUtils.getLocale(request));
			if (view == null) {
				throw new IllegalStateException("No view for " + fragment);
			}
			view.render(model, request, new Capture(response, html));
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not render " + fragment, ex);
		}
		return html.toString();
	}

	/** The page's response, except that what the fragment writes goes to a string. */
	private static final class Capture extends HttpServletResponseWrapper {

		private final PrintWriter writer;

		Capture(HttpServletResponse response, StringWriter html) {
			super(response);
			this.writer = new PrintWriter(html);
		}

		@Override
		public PrintWriter getWriter() {
			return writer;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			throw new IllegalStateException("A fragment is written as text");
		}

		// The page's own response says what it is; the fragment's view must not change that.

		@Override
		public void setContentType(String type) {
		}

		@Override
		public void setCharacterEncoding(String charset) {
		}

		@Override
		public void setLocale(Locale locale) {
		}

	}

}
