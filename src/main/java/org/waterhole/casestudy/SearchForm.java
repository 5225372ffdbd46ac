package org.waterhole.casestudy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.waterhole.shared.Platform;
import org.waterhole.shared.Tags;
import org.waterhole.shared.validation.ReasonableDate;

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

	private List<String> platform = new ArrayList<>();

	private List<String> tag = new ArrayList<>();

	private Long department;

	private List<String> evidence = new ArrayList<>();

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
				|| year() != null;
	}

	/** The platforms asked for that exist; an unknown one is left out, not the whole filter. */
	public List<Platform> platforms() {
		return known(platform, Platform.class);
	}

	List<String> tags() {
		return tag.stream().filter(Objects::nonNull).map(Tags::normalize).filter(t -> !t.isEmpty()).distinct().toList();
	}

	public List<EvidenceType> evidenceTypes() {
		return known(evidence, EvidenceType.class);
	}

	/** The year asked for, if it is one a case study could be from. */
	public Integer year() {
		return year != null && year >= ReasonableDate.FIRST_YEAR && year <= ReasonableDate.LAST_YEAR ? year : null;
	}

	private static <E extends Enum<E>> List<E> known(List<String> names, Class<E> type) {
		return names.stream()
			.filter(Objects::nonNull)
			.flatMap(name -> Arrays.stream(type.getEnumConstants()).filter(value -> value.name().equals(name)))
			.distinct()
			.toList();
	}

	public String getQ() {
		return q;
	}

	public void setQ(String q) {
		this.q = q == null ? null : q.length() > 500 ? q.substring(0, 500) : q;
	}

	public List<String> getPlatform() {
		return platform;
	}

	public void setPlatform(List<String> platform) {
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

	public List<String> getEvidence() {
		return evidence;
	}

	public void setEvidence(List<String> evidence) {
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
