package org.waterhole.playbook;

import java.util.Comparator;
import java.util.Locale;

import org.waterhole.playbook.Comparison.Column;
import org.waterhole.playbook.Comparison.Row;

/**
 * The comparison's order as the URL carries it: {@code sort=readiness} from low to high,
 * {@code sort=-readiness} from high to low; anything else is by name. Equal rows are by name;
 * a reach that is hidden comes first from low to high and last from high to low.
 */
record ComparisonSort(Column column, boolean descending) {

	static final ComparisonSort DEFAULT = new ComparisonSort(Column.NAME, false);

	static ComparisonSort parse(String sort) {
		if (sort == null || sort.isBlank()) {
			return DEFAULT;
		}
		boolean descending = sort.startsWith("-");
		String name = (descending ? sort.substring(1) : sort).trim().toUpperCase(Locale.ROOT);
		for (Column column : Column.values()) {
			if (column.name().equals(name)) {
				return new ComparisonSort(column, descending);
			}
		}
		return DEFAULT;
	}

	Comparator<Row> comparator() {
		Comparator<Row> order = descending ? column.order().reversed() : column.order();
		return order.thenComparing(Column.NAME.order());
	}

	/** The {@code sort} parameter of this order. */
	public String key() {
		return (descending ? "-" : "") + column.key();
	}

	/** The {@code sort} a column's header links to: the other way round if sorted by it, else its first way. */
	public String toggle(Column other) {
		if (other == column) {
			return (descending ? "" : "-") + other.key();
		}
		return (firstDescending(other) ? "-" : "") + other.key();
	}

	/** The {@code aria-sort} of a column's header: none unless sorted by it. */
	public String ariaSort(Column other) {
		return other != column ? "none" : descending ? "descending" : "ascending";
	}

	/** Names from A, figures from the highest: what a reader looks for first. */
	private static boolean firstDescending(Column column) {
		return column != Column.NAME && column != Column.STAGE;
	}

}
