package org.waterhole.playbook;

import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.AccountService;
import org.waterhole.organization.PersonalData;
import org.waterhole.organization.PersonalRows;

/**
 * What the playbook holds about a person: the weekly digests sent (or being sent) to their
 * account, and the suggestions they dismissed, with their reasons.
 */
@Component
@Order(6)
@Transactional(readOnly = true)
class PlaybookPersonalData implements PersonalData {

	private static final String DIGESTS = """
			select d.week_start, d.sent_at, d.attempts, d.last_failure
			from sent_digest d where d.account_id = :account order by d.week_start
			""";

	private static final String DISMISSALS = """
			select d.department_id as department, d.rule, d.reason, d.dismissed_at
			from playbook_dismissal d where d.dismissed_by = :person order by d.dismissed_at, d.department_id
			""";

	private final PersonalRows rows;

	private final AccountService accounts;

	PlaybookPersonalData(PersonalRows rows, AccountService accounts) {
		this.rows = rows;
		this.accounts = accounts;
	}

	@Override
	public List<Records> about(long personId) {
		List<Map<String, Object>> digests = accounts.accountOf(personId)
			.map(account -> rows.read(DIGESTS, "account", account))
			.orElse(List.of());
		return List.of(new Records("digests", digests), new Records("dismissals", rows.about(DISMISSALS, personId)));
	}

}
