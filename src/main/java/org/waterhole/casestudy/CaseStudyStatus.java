package org.waterhole.casestudy;

/**
 * Where a case study is in its life: a draft only the strategist sees, published in the library,
 * or archived (kept, but out of the library).
 */
public enum CaseStudyStatus {

	DRAFT, PUBLISHED, ARCHIVED;

	public String messageKey() {
		return "caseStudy.status." + name();
	}

}
