package org.waterhole.casestudy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.PersonService;
import org.waterhole.organization.PersonalData;
import org.waterhole.organization.PersonalRows;

/**
 * What the library holds about a person: each reading (which case study, when, for which
 * department), each helpful mark, the case studies they wrote, and the lists of named readers
 * they opened (and the copies of other people's data).
 */
@Component
@Order(2)
@Transactional(readOnly = true)
class CaseStudyPersonalData implements PersonalData {

	private static final String READINGS = """
			select cs.title as case_study, r.read_at, r.department_id as department
			from case_study_reading r join case_study cs on cs.id = r.case_study_id
			where r.person_id = :person order by r.read_at, r.id
			""";

	private static final String HELPFUL_MARKS = """
			select cs.title as case_study, h.marked_at, h.department_id as department
			from case_study_helpful h join case_study cs on cs.id = h.case_study_id
			where h.person_id = :person order by h.marked_at, cs.id
			""";

	private static final String WRITTEN = """
			select cs.title, cs.status, cs.created_at, cs.published_at
			from case_study cs where cs.author_id = :person order by cs.created_at, cs.id
			""";

	private static final String READER_LIST_VIEWS = """
			select v.viewed_at, v.department_id as department, cs.title as case_study, v.person_id as data_of
			from reader_list_view v left join case_study cs on cs.id = v.case_study_id
			where v.viewer_id = :person order by v.viewed_at, v.id
			""";

	private final PersonalRows rows;

	private final PersonService people;

	CaseStudyPersonalData(PersonalRows rows, PersonService people) {
		this.rows = rows;
		this.people = people;
	}

	@Override
	public List<Records> about(long personId) {
		return List.of(new Records("readings", rows.about(READINGS, personId)),
				new Records("helpfulMarks", rows.about(HELPFUL_MARKS, personId)),
				new Records("caseStudiesWritten", rows.about(WRITTEN, personId)),
				new Records("readerListViews", readerListViews(personId)));
	}

	/** The lists they opened, with the name of the person whose data they opened, if any. */
	private List<Map<String, Object>> readerListViews(long personId) {
		List<Map<String, Object>> views = rows.about(READER_LIST_VIEWS, personId);
		Map<Long, String> names = people.namesOf(views.stream()
			.map(view -> (Long) view.get("dataOf"))
			.filter(Objects::nonNull)
			.toList());
		views.forEach(view -> view.put("dataOf", names.get((Long) view.get("dataOf"))));
		return views;
	}

}
