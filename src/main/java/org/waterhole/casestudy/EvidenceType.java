package org.waterhole.casestudy;

import org.waterhole.shared.Labelled;

/** What kind of evidence a case study is, so a reader can judge its weight at a glance. */
public enum EvidenceType implements Labelled {

	RESEARCH_STUDY, INDUSTRY_REPORT, PEER_CASE_STUDY, INTERNAL_RESULT, NEWS_ARTICLE;

	@Override
	public String messageKey() {
		return "evidence." + name();
	}

}
