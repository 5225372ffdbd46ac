package org.waterhole;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.waterhole.organization.Role;
import org.waterhole.support.TestData;
import org.waterhole.support.WaterholeTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every page without path variables, asked for with nonsense in the list parameters (pages past
 * the end or negative, sizes of zero or millions, broken sorts, control characters in the search
 * text): the answer is a page, never a server error, and never a giant one.
 */
@WaterholeTest
class ListParametersTests {

	static final List<Map<String, String>> NONSENSE = List.of(Map.of("page", "2147483647"),
			Map.of("page", "999999999999"), Map.of("page", "-5"), Map.of("size", "0"), Map.of("size", "-1"),
			Map.of("size", "1", "page", "100000"), Map.of("size", "99999999"), Map.of("sort", ","),
			Map.of("sort", ""), Map.of("sort", "name,sideways"), Map.of("sort", "name,desc,extra"),
			Map.of("sort", "nosuchcolumn"), Map.of("sort", "%_\\"), Map.of("q", "a\u0000b"), Map.of("q", "\u0000"), Map.of("q", "%_\\"),
			Map.of("q", "x".repeat(10_000)), Map.of("department", "abc"), Map.of("role", "KING"),
			Map.of("status", "LOST"));

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@TestFactory
	List<DynamicTest> nonsense_list_parameters_never_break_a_page() {
		var strategist = data.as(Role.STRATEGIST);
		List<DynamicTest> tests = new ArrayList<>();
		mappings.getHandlerMethods().keySet().forEach(info -> {
			var methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				return;
			}
			for (String path : info.getPatternValues()) {
				if (path.contains("{") || path.equals("/error") || path.equals("/expired")) {
					continue;
				}
				tests.add(DynamicTest.dynamicTest("GET " + path, () -> {
					for (Map<String, String> parameters : NONSENSE) {
						var request = get(path).with(strategist);
						parameters.forEach(request::param);
						var response = mvc.perform(request).andReturn().getResponse();
						assertThat(response.getStatus()).as(path + " " + parameters.keySet()).isLessThan(500);
						assertThat(response.getContentAsByteArray().length).as(path + " " + parameters.keySet())
							.isLessThan(1_000_000);
					}
				}));
			}
		});
		assertThat(tests).hasSizeGreaterThan(5);
		return tests;
	}

}
