package org.waterhole.experiment;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.PersonalData;
import org.waterhole.organization.PersonalRows;

/** What the experiment tracker holds about a person: the experiments they own. */
@Component
@Order(3)
@Transactional(readOnly = true)
class ExperimentPersonalData implements PersonalData {

	private static final String OWNED = """
			select e.title, e.status, e.department_id as department, e.platform, e.planned_start, e.planned_end,
			       e.actual_start, e.actual_end, e.outcome, e.created_at
			from experiment e where e.owner_id = :person order by e.created_at, e.id
			""";

	private final PersonalRows rows;

	ExperimentPersonalData(PersonalRows rows) {
		this.rows = rows;
	}

	@Override
	public List<Records> about(long personId) {
		return List.of(new Records("experimentsOwned", rows.about(OWNED, personId)));
	}

}
