package org.waterhole.casestudy;

/** What kind of evidence a case study is, so a reader can judge its weight at a glance. */
public enum EvidenceType {

	RESEARCH_STUDY, INDUSTRY_REPORT, PEER_CASE_STUDY, INTERNAL_RESULT, NEWS_ARTICLE;

	public String messageKey() {
		return "evidence." + name();
	}

}
