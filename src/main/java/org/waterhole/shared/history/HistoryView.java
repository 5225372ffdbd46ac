package org.waterhole.shared.history;

/**
 * What the history page ({@link History#VIEW}) shows: the module the record belongs to (the
 * message key of its name, and its address) and the record (its name and address) for the
 * heading and the breadcrumbs, the page's own address for the links to other pages of it, and a
 * page of the record's history.
 */
public record HistoryView(String moduleName, String modulePath, String recordName, String recordPath, String path,
		HistoryPage page) {

	/** The history of the record at {@code recordPath}, which is {@code recordPath + "/history"}. */
	public static HistoryView of(String moduleName, String modulePath, String recordName, String recordPath,
			HistoryPage page) {
		return new HistoryView(moduleName, modulePath, recordName, recordPath, recordPath + "/history", page);
	}

}
