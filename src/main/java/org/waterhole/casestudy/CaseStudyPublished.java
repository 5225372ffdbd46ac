package org.waterhole.casestudy;

import java.time.Instant;
import java.util.Set;

/**
 * A case study went into the library for the first time. Restoring an archived one does not
 * publish this again.
 *
 * @param departmentIds the departments it is relevant to
 */
public record CaseStudyPublished(long caseStudyId, String title, Set<Long> departmentIds, Instant publishedAt) {
}
