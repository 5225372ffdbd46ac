package org.waterhole.playbook;

/**
 * Absolute links for the digest e-mail, from the configured {@code waterhole.base-url} (the
 * address people open Waterhole at), without a trailing slash. The templates call these methods.
 */
final class DigestLinks {

	private final String base;

	DigestLinks(String baseUrl) {
		this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	public String home() {
		return base + "/";
	}

	/** Where the recipient unsubscribes (or subscribes again). */
	public String settings() {
		return base + "/account/digest";
	}

	/** The department's page in the playbook: its readiness, next steps and check-in. */
	public String playbook(long id) {
		return base + "/playbook/departments/" + id;
	}

	public String department(long id) {
		return base + "/adoption/departments/" + id;
	}

	public String caseStudy(long id) {
		return base + "/library/" + id;
	}

	public String experiment(long id) {
		return base + "/experiments/" + id;
	}

	public String volunteers() {
		return base + "/champions/requests";
	}

	public String dashboard() {
		return base + "/adoption/dashboard";
	}

	/** A path of the application ({@code /champions/new?person=3}) as an absolute link. */
	public String path(String path) {
		return base + (path.startsWith("/") ? path : "/" + path);
	}

	/** The timeline of the week, of the department {@code departmentId} or of all ({@code null}). */
	public String timeline(DigestWeek week) {
		return base + "/adoption?from=" + week.from() + "&to=" + week.to()
				+ (week.departmentId() == null ? "" : "&department=" + week.departmentId());
	}

}
