package org.waterhole.casestudy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.waterhole.shared.Platform;

/**
 * A library search as the URL carries it, so that it can be shared:
 * {@code /library/search?q=video+tours&platform=TIKTOK&tag=open-days&sort=newest}. Filters of
 * one kind combine with "or", different kinds with "and". Values that mean nothing are ignored.
 */
public class SearchForm {

	public enum Sort {

		RELEVANCE, NEWEST, HELPFUL;

		public String messageKey() {
			return "library.sort." + name();
		}

	}

	private String q;

	private List<Platform> platform = new ArrayList<>();

	private List<String> tag = new ArrayList<>();

	private Long department;

	private List<EvidenceType> evidence = new ArrayList<>();

	private Integer year;

	private Sort sort;

	/** The sort in effect: relevance when there is a query, newest otherwise, unless chosen. */
	public Sort effectiveSort() {
		if (sort == null || (sort == Sort.RELEVANCE && !hasQuery())) {
			return hasQuery() ? Sort.RELEVANCE : Sort.NEWEST;
		}
		return sort;
	}

	public boolean hasQuery() {
		return q != null && !q.isBlank();
	}

	public boolean hasFilters() {
		return !platforms().isEmpty() || !tags().isEmpty() || department != null || !evidenceTypes().isEmpty()
				|| year != null;
	}

	List<Platform> platforms() {
		return platform.stream().filter(Objects::nonNull).distinct().toList();
	}

	List<String> tags() {
		return tag.stream().filter(Objects::nonNull).map(Tags::normalize).filter(t -> !t.isEmpty()).distinct().toList();
	}

	List<EvidenceType> evidenceTypes() {
		return evidence.stream().filter(Objects::nonNull).distinct().toList();
	}

	public String getQ() {
		return q;
	}

	public void setQ(String q) {
		this.q = q == null ? null : q.length() > 500 ? q.substring(0, 500) : q;
	}

	public List<Platform> getPlatform() {
		return platform;
	}

	public void setPlatform(List<Platform> platform) {
		this.platform = platform == null ? new ArrayList<>() : platform;
	}

	public List<String> getTag() {
		return tag;
	}

	public void setTag(List<String> tag) {
		this.tag = tag == null ? new ArrayList<>() : tag;
	}

	public Long getDepartment() {
		return department;
	}

	public void setDepartment(Long department) {
		this.department = department;
	}

	public List<EvidenceType> getEvidence() {
		return evidence;
	}

	public void setEvidence(List<EvidenceType> evidence) {
		this.evidence = evidence == null ? new ArrayList<>() : evidence;
	}

	public Integer getYear() {
		return year;
	}

	public void setYear(Integer year) {
		this.year = year;
	}

	public Sort getSort() {
		return sort;
	}

	public void setSort(Sort sort) {
		this.sort = sort;
	}

}
