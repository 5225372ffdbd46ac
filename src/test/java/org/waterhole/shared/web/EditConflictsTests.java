package org.waterhole.shared.web;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.waterhole.casestudy.CaseStudyForm;
import org.waterhole.champion.ChampionForm;
import org.waterhole.experiment.ExperimentForm;
import org.waterhole.organization.AccountForm;
import org.waterhole.organization.DepartmentForm;
import org.waterhole.organization.PersonForm;
import org.waterhole.shared.Platform;

import static org.assertj.core.api.Assertions.assertThat;

/** The view of a stale edit: what differs, labelled as on the form, values as the user reads them. */
class EditConflictsTests {

	private final EditConflicts conflicts = new EditConflicts(messages());

	@Test
	void every_field_of_every_edit_form_has_its_label() {
		Map<Class<?>, String> forms = Map.of(CaseStudyForm.class, "caseStudy", ExperimentForm.class, "experiment",
				ChampionForm.class, "champion", DepartmentForm.class, "department", PersonForm.class, "person",
				AccountForm.class, "account");
		forms.forEach((form, labels) -> {
			for (String property : EditConflicts.compared(new BeanWrapperImpl(form))) {
				assertThat(conflicts.labelKey(labels, property, Locale.ENGLISH)).as(form.getSimpleName() + "." + property)
					.isPresent();
			}
		});
	}

	@Test
	void lists_what_differs_with_the_saved_value_and_gives_the_form_the_saved_version() {
		CaseStudyForm yours = new CaseStudyForm();
		yours.setTitle("Same title");
		yours.setSummary("My summary");
		yours.getPlatforms().add(Platform.values()[0]);
		yours.setVersion(1L);
		CaseStudyForm saved = new CaseStudyForm();
		saved.setTitle(" Same title ");
		saved.setSummary("x".repeat(400));
		saved.getPlatforms().add(Platform.values()[1]);
		saved.getDepartmentIds().add(7L);
		saved.setVersion(4L);
		ExtendedModelMap model = new ExtendedModelMap();

		EditConflicts.Conflict conflict = conflicts.show(model, "caseStudy", yours, saved);

		assertThat(model.get(EditConflicts.ATTRIBUTE)).isSameAs(conflict);
		assertThat(yours.getVersion()).isEqualTo(4L);
		assertThat(conflict.changes()).extracting(EditConflicts.Change::field)
			.containsExactlyInAnyOrder("summary", "platforms", "departmentIds");
		assertThat(conflict.changes()).filteredOn(change -> change.field().equals("summary"))
			.singleElement()
			.satisfies(change -> {
				assertThat(change.label()).isEqualTo("Summary");
				assertThat(change.saved()).hasSize(EditConflicts.LONGEST_VALUE + 1).endsWith("…");
			});
		assertThat(conflict.changes()).filteredOn(change -> change.field().equals("platforms"))
			.singleElement()
			.satisfies(change -> assertThat(change.saved()).isNotEqualTo(Platform.values()[1].name()).isNotBlank());
		assertThat(conflict.changes()).filteredOn(change -> change.field().equals("departmentIds"))
			.singleElement()
			.satisfies(change -> {
				assertThat(change.label()).isEqualTo("Relevant to");
				assertThat(change.saved()).as("ids are not shown").isNull();
			});
	}

	@Test
	void only_fields_the_page_sent_are_compared_and_line_breaks_as_browsers_send_them_are_no_change() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/library/1");
		request.addParameter("title", "My title");
		request.addParameter("summary", "First line\r\nSecond line");
		request.addParameter("_platforms", "on");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			CaseStudyForm yours = new CaseStudyForm();
			yours.setTitle("My title");
			yours.setSummary("First line\r\nSecond line");
			CaseStudyForm saved = new CaseStudyForm();
			saved.setTitle("Their title");
			saved.setSummary("First line\nSecond line");
			saved.setSourceName("Not on this page");
			saved.getPlatforms().add(Platform.values()[0]);

			EditConflicts.Conflict conflict = conflicts.show(new ExtendedModelMap(), "caseStudy", yours, saved);

			assertThat(conflict.changes()).extracting(EditConflicts.Change::field)
				.containsExactlyInAnyOrder("title", "platforms");
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

	@Test
	void a_password_typed_into_the_form_is_never_shown() {
		AccountForm yours = new AccountForm();
		yours.setPassword("the secret I typed");
		AccountForm saved = new AccountForm();
		saved.setVersion(2L);

		EditConflicts.Conflict conflict = conflicts.show(new ExtendedModelMap(), "account", yours, saved);

		assertThat(conflict.changes()).isEmpty();
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		return messages;
	}

}
