package org.waterhole.adoption;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.PersonalData;
import org.waterhole.organization.PersonalRows;

/** What the adoption history holds about a person: the events they recorded by hand. */
@Component
@Order(5)
@Transactional(readOnly = true)
class AdoptionPersonalData implements PersonalData {

	private static final String RECORDED = """
			select e.occurred_on, e.kind, e.department_ids as departments, e.title, e.details, e.from_stage,
			       e.to_stage, e.objection_category, e.outcome, e.recorded_at
			from adoption_event e where e.recorded_by = :person order by e.recorded_at, e.id
			""";

	private final PersonalRows rows;

	AdoptionPersonalData(PersonalRows rows) {
		this.rows = rows;
	}

	@Override
	public List<Records> about(long personId) {
		return List.of(new Records("adoptionEvents", rows.about(RECORDED, personId)));
	}

}
