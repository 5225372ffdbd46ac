package org.waterhole.casestudy;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waterhole.organization.Role;
import org.waterhole.organization.WaterholeUser;

/**
 * What a case study's reading page shows, read in one transaction with the reading it records:
 * the case study, whether the reader found it helpful, and related case studies. The reading is
 * recorded last, so that the locks it takes are held only until the commit that follows.
 */
@Service
class ReadingPage {

	/** The page's content. */
	record Opened(CaseStudyView caseStudy, boolean helpful, List<CaseStudyCard> related) {
	}

	private final CaseStudyService caseStudies;

	private final Readings readings;

	private final Library library;

	ReadingPage(CaseStudyService caseStudies, Readings readings, Library library) {
		this.caseStudies = caseStudies;
		this.readings = readings;
		this.library = library;
	}

	/** Opens case study {@code id} for {@code reader} at {@code at}, with at most {@code related} related ones. */
	@Transactional
	Opened open(long id, WaterholeUser reader, Instant at, int related) {
		CaseStudyView caseStudy = caseStudies.view(id, reader.getRole() == Role.STRATEGIST);
		Opened opened = new Opened(caseStudy, readings.isHelpfulFor(id, reader.getPersonId()),
				library.related(id, related));
		if (caseStudy.published()) {
			readings.record(id, reader.getPersonId(), reader.getDepartmentId(), at);
		}
		return opened;
	}

}
