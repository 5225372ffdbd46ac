package org.waterhole.shared.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.data.web.SortHandlerMethodArgumentResolver;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring Data's {@code Pageable} and {@code Sort} parameters, with one difference: a
 * {@code sort} value that can't be decoded ({@code ?sort=%25_} decodes to {@code %_}, which
 * Spring Data decodes once more and fails on) is left out, as a sort by a column the list
 * doesn't know is ({@link SortOptions}), instead of failing the request with a server error.
 * Registered ahead of Spring Data's own resolvers, which it asks for everything else.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LenientSortParameters implements WebMvcConfigurer {

	/** Spring Data's default name of the parameter, which this application doesn't change. */
	static final String SORT = "sort";

	private final ObjectProvider<PageableHandlerMethodArgumentResolver> pageable;

	private final ObjectProvider<SortHandlerMethodArgumentResolver> sort;

	LenientSortParameters(ObjectProvider<PageableHandlerMethodArgumentResolver> pageable,
			ObjectProvider<SortHandlerMethodArgumentResolver> sort) {
		this.pageable = pageable;
		this.sort = sort;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new Lenient(pageable));
		resolvers.add(new Lenient(sort));
	}

	private record Lenient(ObjectProvider<? extends HandlerMethodArgumentResolver> delegate)
			implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return delegate.getObject().supportsParameter(parameter);
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
				NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws Exception {
			try {
				return delegate.getObject().resolveArgument(parameter, mavContainer, webRequest, binderFactory);
			}
			catch (IllegalArgumentException undecodableSort) {
				return delegate.getObject()
					.resolveArgument(parameter, mavContainer, withoutSort(webRequest), binderFactory);
			}
		}

		private static NativeWebRequest withoutSort(NativeWebRequest webRequest) {
			HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
			return new ServletWebRequest(new HttpServletRequestWrapper(request) {

				@Override
				public String getParameter(String name) {
					return SORT.equals(name) ? null : super.getParameter(name);
				}

				@Override
				public String[] getParameterValues(String name) {
					return SORT.equals(name) ? null : super.getParameterValues(name);
				}

			});
		}

	}

}
