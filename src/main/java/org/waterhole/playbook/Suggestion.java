package org.waterhole.playbook;

import java.util.List;

/**
 * A next best action for a department: which rule chose it, why (a message key with its
 * arguments), and where accepting it leads (a form, prefilled).
 *
 * @param rule the rule that chose it
 * @param reasonKey the message key of the reason, shown with {@code reasonArgs}
 * @param reasonArgs the reason's arguments, already formatted for the message
 * @param details what the suggestion names: people, case studies, champions, events (may be empty)
 * @param acceptUrl where accepting it leads: a form prefilled from the suggestion
 */
public record Suggestion(Rule rule, String reasonKey, List<Object> reasonArgs, List<Detail> details, String acceptUrl) {

	public Suggestion {
		reasonArgs = List.copyOf(reasonArgs);
		details = List.copyOf(details);
	}

	public String titleKey() {
		return "playbook.rule." + rule.name();
	}

	/** What the accept button says: answering a waiting offer to volunteer is not inviting someone. */
	public String acceptKey() {
		return "playbook.accept." + rule.name() + (reasonKey.endsWith(".volunteer") ? ".volunteer" : "");
	}

	/** A thing the suggestion names, with a link to it when it has a page. */
	public record Detail(String label, String url, String note) {
	}

}
