package org.waterhole.organization;

import java.util.List;
import java.util.Map;

/**
 * What one module holds about a person, for the copy of their data that they (or the strategist,
 * on their request) download. Every module that keeps personal data has one bean of this type.
 */
public interface PersonalData {

	/** The kinds of record this module holds about the person, each listed even when it has none. */
	List<Records> about(long personId);

	/**
	 * One kind of record and the person's records of that kind.
	 *
	 * @param kind a name for the kind, in lower camel case ({@code readings}); the page's heading for
	 * it is the message {@code privacy.data.<kind>}
	 * @param items each record as field name to value (text, number, boolean, date or instant), in
	 * the order to show them
	 */
	record Records(String kind, List<Map<String, Object>> items) {
	}

}
